/**
 * A scene deck: an ordered list of camera views with what to show at each. One format serves the
 * video-wall tour (`?mode=wall&tour=<id>`, scenes advance on their own after `dwellSeconds`) and
 * the briefing deck (`?mode=briefing&deck=<id>`, a presenter steps through them), loaded from
 * `public/decks/<id>.json`. Decks are written by hand, so every problem is reported with its
 * path and in words, all at once, rather than the first one alone.
 *
 * What a scene leaves out: `layers` absent leaves the visible layers as they are (an operator's
 * toggles survive a scene change); `filters`, `highlight` and `window` absent mean none (no
 * filter, no emphasis, the live view), because they belong to the scene that set them.
 */
import { z } from '../z';
import { formatIssues } from '../formatIssues';
import { LAYER_IDS } from '../layerIds';
import { deckErrorMap } from './deckErrorMap';

/** The HUD panels a scene can draw the eye to. */
const PANEL_IDS = ['kpi', 'trend', 'events', 'alerts', 'assists', 'ranking'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const MAX_SCENES = 50;
const MAX_TITLE_LENGTH = 80;
const MAX_SUBTITLE_LENGTH = 160;
const MAX_CAPTION_LENGTH = 400;

/** Written the way a reader expects: `−90`, `2,000,000`. */
function formatBound(value: number): string {
  const digits = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 6 });
  return value < 0 ? `−${digits}` : digits;
}

function between(min: number, max: number, unit = '') {
  const message = `must be between ${formatBound(min)} and ${formatBound(max)}${unit}`;
  return z.number().min(min, message).max(max, message);
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;
const idSchema = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(ID_PATTERN, 'must start with a letter or digit and use only letters, digits, dot, dash or underscore');

/** A deck id is also a file name under public/decks/, so it can never climb out of that folder. */
export const deckIdSchema = idSchema;

function textSchema(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

function bilingualSchema(max: number) {
  return z.strictObject({ zh: textSchema(max), en: textSchema(max) });
}

/** A title in both languages; the HUD shows the one `lang=` asks for. */
const deckTextSchema = bilingualSchema(MAX_TITLE_LENGTH);

/**
 * Where the camera looks: `lon`/`lat` (WGS84 degrees) is the point at the centre of the view and
 * `height` the camera's distance from that point in metres, so the spot an author picks from the
 * region pack (a town, a grid, a label) stays in the middle of the screen whatever the pitch.
 * The same look-at form as the region pack's `homeCamera` (target, heading, pitch, range).
 */
const sceneCameraSchema = z.strictObject({
  lon: between(-180, 180),
  lat: between(-90, 90),
  height: between(200, 2_000_000, ' metres'),
  heading: between(-360, 360).default(0),
  /** −90 looks straight down, 0 at the horizon. */
  pitch: between(-90, 0).default(-45),
  flightSeconds: between(0, 10, ' seconds').default(2.5),
});
export type SceneCamera = z.infer<typeof sceneCameraSchema>;

const provinceIdSchema = z.string().regex(/^[a-z]{2,8}$/, 'must be a province id such as "zj" or "jx"');
const townIdSchema = z.string().regex(ID_PATTERN, 'must be a town id from the region pack such as "qiuchuan"');

const sceneFiltersSchema = z.strictObject({
  /** A refinement, not `.int()`: zod's integer check aborts the parse, which would hide the deck's other problems. */
  minSeverity: between(1, 4).refine(Number.isInteger, 'must be a whole number from 1 to 4').optional(),
  /** An empty list would hide everything, which is never what a scene means: leave it out to show both sides. */
  sides: z.array(provinceIdSchema).min(1, 'must list at least one province (leave it out for all)').optional(),
  towns: z.array(townIdSchema).min(1, 'must list at least one town (leave it out for all)').optional(),
});

/** Metric ids come from the backend's KPI series (`border-incidents`, `interception-minutes`, …). */
const metricIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a KPI metric id such as "border-incidents"');

const sceneHighlightSchema = z
  .strictObject({ panel: z.enum(PANEL_IDS).optional(), kpi: metricIdSchema.optional() })
  .refine((highlight) => highlight.panel !== undefined || highlight.kpi !== undefined, 'must name a panel, a kpi or both');

const WINDOW_SPANS = ['24h', '7d'] as const;
type WindowSpan = (typeof WINDOW_SPANS)[number];
type SceneWindow = { last: WindowSpan } | { from: string; to: string };

const timeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with a time zone, e.g. 2024-04-30T08:00:00+08:00' });

/**
 * Either a span ending now (`{ "last": "7d" }`) or a fixed period (`{ "from": …, "to": … }`).
 * Written as one object checked by hand rather than a zod union, whose failure says only
 * "invalid input" without saying which form was meant.
 */
const sceneWindowSchema = z
  .strictObject({ last: z.enum(WINDOW_SPANS).optional(), from: timeSchema.optional(), to: timeSchema.optional() })
  .superRefine((window, context) => {
    const hasRange = window.from !== undefined || window.to !== undefined;
    if (window.last !== undefined && hasRange) {
      context.addIssue({ code: 'custom', message: 'must be either { last } or { from, to }, not both' });
    } else if (window.last === undefined && !hasRange) {
      context.addIssue({ code: 'custom', message: 'must be { "last": "24h" | "7d" } or { "from": …, "to": … }' });
    } else if (window.last === undefined) {
      if (window.from === undefined) context.addIssue({ code: 'custom', path: ['from'], message: 'is required with "to"' });
      if (window.to === undefined) context.addIssue({ code: 'custom', path: ['to'], message: 'is required with "from"' });
      if (window.from !== undefined && window.to !== undefined && Date.parse(window.from) >= Date.parse(window.to)) {
        context.addIssue({ code: 'custom', path: ['to'], message: 'must be later than "from"' });
      }
    }
  })
  .transform((window): SceneWindow => (window.last !== undefined ? { last: window.last } : { from: window.from!, to: window.to! }));

const sceneSchema = z.strictObject({
  id: idSchema,
  title: deckTextSchema,
  caption: bilingualSchema(MAX_CAPTION_LENGTH).optional(),
  camera: sceneCameraSchema,
  layers: z.array(z.enum(LAYER_IDS)).optional(),
  filters: sceneFiltersSchema.optional(),
  highlight: sceneHighlightSchema.optional(),
  window: sceneWindowSchema.optional(),
  /** How long the wall tour stays on this scene; a briefing waits for the presenter instead. */
  dwellSeconds: between(3, 600, ' seconds').default(20),
});
export type Scene = z.infer<typeof sceneSchema>;

/** Scene ids as far as they can be read, even from a deck that fails elsewhere. */
function sceneIdsOf(value: unknown): (string | undefined)[] {
  const scenes = (value as { scenes?: unknown } | null)?.scenes;
  if (!Array.isArray(scenes)) return [];
  return scenes.map((scene: unknown) => {
    const id = (scene as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  });
}

const sceneDeckSchema = z
  .strictObject({
    schemaVersion: z.literal(1, 'must be 1 (the only deck format this dashboard reads)'),
    id: idSchema,
    title: deckTextSchema,
    subtitle: bilingualSchema(MAX_SUBTITLE_LENGTH).optional(),
    scenes: z
      .array(sceneSchema)
      .min(1, 'must have at least one scene')
      .max(MAX_SCENES, `must have at most ${MAX_SCENES} scenes`),
  })
  .superRefine((deck, context) => {
    const firstIndex = new Map<string, number>();
    sceneIdsOf(deck).forEach((id, index) => {
      if (id === undefined) return;
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, index);
      else context.addIssue({ code: 'custom', path: ['scenes', index, 'id'], message: `"${id}" is already the id of scenes[${first}]` });
    });
  }, { when: (payload) => sceneIdsOf(payload.value).length > 1 });
export type SceneDeck = z.infer<typeof sceneDeckSchema>;

export type DeckParseResult = { ok: true; deck: SceneDeck } | { ok: false; problems: string[] };

/**
 * Validates a deck loaded from `public/decks/<expectedId>.json`. `problems` are one line each,
 * `path: what is wrong` (e.g. `scenes[2].camera.pitch: must be between −90 and 0`), ready for
 * the HUD and diagnostics; a deck whose `id` is not the one the URL asked for is refused too,
 * since it is almost always a copied file whose id was not changed.
 */
export function parseDeck(json: unknown, expectedId?: string): DeckParseResult {
  const parsed = sceneDeckSchema.safeParse(json, { error: deckErrorMap });
  const problems = parsed.success ? [] : formatIssues(parsed.error);
  if (expectedId !== undefined) {
    const id = (json as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id !== expectedId) {
      problems.push(`id: is "${id}" but the URL asked for deck "${expectedId}" (the file name and its id must match)`);
    }
  }
  if (parsed.success && problems.length === 0) return { ok: true, deck: parsed.data };
  return { ok: false, problems };
}
