/**
 * Runtime configuration (public/config.json, overridable by URL parameters): a deployment
 * changes its region or base map without a rebuild, and a wall is configured by its URL alone.
 */
import { z } from './z';
import { formatIssues } from './formatIssues';
import { CRS_IDS } from './crs';
import { ENTITY_KINDS, type EntityKind } from './entities/entityKinds';
import { LAYER_IDS } from './layerIds';
import { modeConfigShape } from './modeConfig';

/**
 * Tile URLs are paths on this server. The page's Content-Security-Policy allows its own origin
 * only, so a tile server on another host would be blocked silently at run time; it belongs
 * behind a same-origin reverse-proxy path (e.g. /tiles/) instead.
 */
const tileUrlSchema = z
  .string()
  .trim()
  .min(1)
  .refine(
    (url) => url.startsWith('/') && !url.startsWith('//'),
    'a tile URL must be a path on this server such as /tiles/{z}/{x}/{y}.png (the page only loads from its own origin: proxy the tile cache there)',
  );

const levelSchema = z.number().int().min(0).max(24);

/**
 * A tile cache on the deployment's own network. Tiles must be WGS84/CGCS2000 (Tianditu,
 * GeoServer, MapProxy): a GCJ-02 cache (Amap/Gaode) would sit ~500 m off the data.
 */
const templateFields = {
  url: tileUrlSchema.refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'a tile template needs {z}, {x} and {y}'),
  tilingScheme: z.enum(['web-mercator', 'geographic']).default('web-mercator'),
  minimumLevel: levelSchema.default(0),
  maximumLevel: levelSchema.default(18),
};

export const intranetTilesSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('xyz'), ...templateFields, subdomains: z.array(z.string().min(1)).optional() }),
  /** TMS numbers rows from the south; the template is otherwise the same as XYZ. */
  z.object({ type: z.literal('tms'), ...templateFields }),
  z.object({
    type: z.literal('wmts'),
    url: tileUrlSchema,
    layer: z.string().min(1),
    style: z.string().min(1).default('default'),
    tileMatrixSetID: z.string().min(1),
    format: z.string().min(1).default('image/png'),
    tilingScheme: z.enum(['web-mercator', 'geographic']).default('web-mercator'),
    tileMatrixLabels: z.array(z.string()).optional(),
    maximumLevel: levelSchema.default(18),
  }),
]);
export type IntranetTiles = z.infer<typeof intranetTilesSchema>;

const sourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a source id uses letters, digits, dot, dash or underscore');

/**
 * The source as people on the floor call it (业务后端, 省厅卡口平台): HUD messages name it, never
 * the id. Without one the HUD names the kind of source.
 */
const sourceNameSchema = z.string().trim().min(1).max(40).optional();

/** Same reasoning as tile URLs: the CSP lets the page talk to its own origin only. */
const sameOriginPathSchema = z
  .string()
  .trim()
  .refine((url) => url.startsWith('/') && !url.startsWith('//'), 'a backend URL must be a path on this server (proxy the backend there)');

/** A REST + stream backend implementing docs/api/openapi.json. */
const httpSourceSchema = z.object({
  type: z.literal('http'),
  id: sourceIdSchema,
  name: sourceNameSchema,
  baseUrl: sameOriginPathSchema.default('/api/v1'),
  stream: z.enum(['sse', 'websocket', 'none']).default('sse'),
  crs: z.enum(CRS_IDS).default('wgs84'),
  kinds: z.array(z.enum(ENTITY_KINDS)).optional(),
  /** Sent as a header on every request (and as the WebSocket's first message), never in a URL. */
  auth: z.object({ header: z.string().regex(/^[A-Za-z0-9-]+$/), value: z.string().min(1) }).optional(),
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  heartbeatTimeoutMs: z.number().int().min(1000).max(600_000).default(15_000),
});

/**
 * Live changes through an MQTT broker (EMQX, Mosquitto) over WebSocket, the rest of the contract
 * (snapshot, catch-up from the change log, health, capabilities, history, acknowledgement) over
 * REST as for `http`. See docs/integrating.md for the topics and payloads.
 */
export const mqttSourceSchema = z.object({
  type: z.literal('mqtt'),
  id: sourceIdSchema,
  name: sourceNameSchema,
  baseUrl: sameOriginPathSchema.default('/api/v1'),
  /** The broker's WebSocket endpoint as a path on this server (e.g. an nginx `location /mqtt`), so it passes the CSP. */
  brokerUrl: sameOriginPathSchema.default('/mqtt'),
  topicPrefix: z
    .string()
    .regex(/^[^#+\s/]+(\/[^#+\s/]+)*$/, 'a topic prefix is topic levels such as safe-border/v1, without wildcards, spaces or empty levels')
    .default('safe-border/v1'),
  /** At-least-once, so the broker keeps what the screen misses; duplicates are dropped by sequence number. */
  qos: z.literal(1).default(1),
  /** Defaults to one per screen (the source id and a random part kept for the tab's life): two screens sharing one would take the session from each other. */
  clientId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a client id uses letters, digits, dot, dash or underscore, at most 64').optional(),
  /** How long the broker keeps the session (and queues changes) for a screen that is away. */
  sessionExpirySeconds: z.number().int().min(0).max(7 * 86_400).default(3600),
  /** Broker credentials (MQTT CONNECT); the REST half uses `auth`. */
  username: z.string().min(1).max(256).optional(),
  password: z.string().min(1).max(4096).optional(),
  /** Sent as a header on every REST request, never in a URL. */
  auth: z.object({ header: z.string().regex(/^[A-Za-z0-9-]+$/), value: z.string().min(1) }).optional(),
  crs: z.enum(CRS_IDS).default('wgs84'),
  kinds: z.array(z.enum(ENTITY_KINDS)).optional(),
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  heartbeatTimeoutMs: z.number().int().min(1000).max(600_000).default(15_000),
  /** How long a hole in the sequence (changes crossing on two topics) may stay open before the change log fills it. */
  gapWaitMs: z.number().int().min(50).max(10_000).default(500),
});
export type MqttSourceSettings = z.infer<typeof mqttSourceSchema>;

/**
 * How a GeoJSON feature becomes an entity record, shared by the sources that read GIS features
 * (geojson files, OGC API – Features collections).
 */
const featureMappingShape = {
  /** Entity field → where to find it in a feature: `properties.NAME`, `id`, … */
  fields: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_$\u4e00-\u9fa5.-]+$/, 'a field path is dotted property names')).default({}),
  /** Entity field → a fixed value for every feature (e.g. `province: "zj"`). */
  constants: z.record(z.string(), z.unknown()).default({}),
  /** Entity field → source value → entity value (e.g. `stationKind: { "派出所": "police-station" }`). */
  valueMaps: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
};

/** A GeoJSON file or URL (an existing GIS export), polled, its properties mapped onto entity fields. */
const geojsonSourceSchema = z.object({
  type: z.literal('geojson'),
  id: sourceIdSchema,
  name: sourceNameSchema,
  url: sameOriginPathSchema,
  kind: z.enum(ENTITY_KINDS),
  /** Required: guessing a Chinese source's datum wrong puts everything ~500 m off. */
  crs: z.enum(CRS_IDS),
  pollIntervalMs: z.number().int().min(5000).max(24 * 3600_000).default(60_000),
  /** A file server that never answers must not hold the source silently: each read gives up after this. */
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  ...featureMappingShape,
});
export type GeojsonSourceSettings = z.infer<typeof geojsonSourceSchema>;

/** The mapping of features of one kind onto records: which source they come from and how fields are found. */
export interface FeatureMapping {
  /** The source id, written into every record's `source`. */
  id: string;
  kind: EntityKind;
  fields: Record<string, string>;
  constants: Record<string, unknown>;
  valueMaps: Record<string, Record<string, unknown>>;
}

/** One OGC API – Features collection feeding one entity kind. */
const ogcCollectionSchema = z.object({
  /** The collection id on the server (`/collections/{collection}`). */
  collection: z.string().trim().min(1).max(200),
  kind: z.enum(ENTITY_KINDS),
  /**
   * The datum of this collection's data whatever the server says: for GCJ-02 data a server
   * publishes as EPSG:4326/CRS84. No CRS is then negotiated for it.
   */
  crs: z.enum(CRS_IDS).optional(),
  ...featureMappingShape,
});

/**
 * An OGC API – Features server (GeoServer, pygeoapi, pg_featureserv, ArcGIS) behind a same-origin
 * path: its collections become layers, paged by `next` links, polled for changes.
 */
const ogcFeaturesSourceSchema = z.object({
  type: z.literal('ogc-features'),
  id: sourceIdSchema,
  name: sourceNameSchema,
  /** The API's landing page, e.g. `/geoserver/ogc/features/v1`. */
  baseUrl: sameOriginPathSchema,
  /** Configured collections; collections named after an entity kind (`stations`, `alerts`, …) are taken too. */
  collections: z.array(ogcCollectionSchema).max(100).default([]),
  /**
   * The datum of the coordinates when the server does not say (no OGC Part 2 `Content-Crs`, no
   * CRS84 offered). Where a collection offers CRS84, `crs=CRS84` is asked for and taken as WGS84.
   * Required: guessing a Chinese source's datum wrong puts everything ~500 m off.
   */
  crs: z.enum(CRS_IDS),
  /** Features per page (`limit=`); servers cap it themselves (GeoServer and pygeoapi at 10 000). */
  limit: z.number().int().min(1).max(10_000).default(1000),
  /** Pages followed per collection before giving up: a server whose `next` never ends cannot spin the wall. */
  maxPages: z.number().int().min(1).max(10_000).default(500),
  pollIntervalMs: z.number().int().min(1000).max(24 * 3600_000).default(30_000),
  /**
   * 1: every poll reads every feature. N > 1: only every Nth does (it is what finds deletes); the
   * polls between ask for what changed since the last (`datetime=<server time>/..`). Only for a
   * server whose `datetime` filters on when a feature last changed (the record's `updatedAt`).
   */
  fullPollEvery: z.number().int().min(1).max(1000).default(1),
  /** Sent as a header on every request, never in a URL. */
  auth: z.object({ header: z.string().regex(/^[A-Za-z0-9-]+$/), value: z.string().min(1) }).optional(),
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
});
export type OgcFeaturesSourceSettings = z.infer<typeof ogcFeaturesSourceSchema>;

/** The simulator running in the browser, for a static deployment with no server. */
const mockSourceSchema = z.object({
  type: z.literal('mock'),
  id: sourceIdSchema,
  name: sourceNameSchema,
  seed: z.number().int().default(20_240_430),
  speed: z.number().positive().max(100_000).default(1),
});
export type MockSourceSettings = z.infer<typeof mockSourceSchema>;

const sourceSettingsSchema = z.discriminatedUnion('type', [httpSourceSchema, mqttSourceSchema, geojsonSourceSchema, ogcFeaturesSourceSchema, mockSourceSchema]);
export type SourceSettings = z.infer<typeof sourceSettingsSchema>;

const BASEMAP_KINDS = ['dark', 'natural-earth', 'intranet'] as const;

/** `3d`: the Cesium globe; `2d`: the maplibre flat map, for duty laptops and thin clients without a strong GPU. */
const MAP_VIEWS = ['3d', '2d'] as const;

const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const THEMES = ['dark', 'light'] as const;
export type ThemeId = (typeof THEMES)[number];

const appConfigSchema = z
  .object({
    /** The HUD's language (`lang=`): Chinese by default, complete English for visitors. */
    language: z.enum(LANGUAGES).default('zh-CN'),
    /** `dark` for the command-center wall, `light` for briefing projectors (`theme=`). */
    theme: z.enum(THEMES).default('dark'),
    /** The map at start (`view=`); the HUD switches between the two after. */
    view: z.enum(MAP_VIEWS).default('3d'),
    ...modeConfigShape,
    region: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'a region id uses letters, digits, dot, dash or underscore').default('changshan-yushan'),
    basemap: z
      .object({
        kind: z.enum(BASEMAP_KINDS).default('dark'),
        intranet: intranetTilesSchema.optional(),
        /**
         * The flat map only: a maplibre style on this server (intranet vector tiles, e.g. an
         * OpenMapTiles cache) drawn under the dashboard's layers. Its sources, sprite and glyphs
         * must be same-origin paths too.
         */
        style2d: sameOriginPathSchema.optional(),
      })
      .default({ kind: 'dark' }),
    /** Where the data comes from. The default is the backend served beside the page (the mock in `npm start`). */
    sources: z
      .array(sourceSettingsSchema)
      .default([{ type: 'http', id: 'backend', baseUrl: '/api/v1', stream: 'sse', crs: 'wgs84', timeoutMs: 15_000, heartbeatTimeoutMs: 15_000 }])
      .refine((sources) => new Set(sources.map((s) => s.id)).size === sources.length, 'source ids must be unique'),
    /** How long closed alerts, events and requests stay on the wall before they age out. */
    retentionHours: z.number().positive().max(24 * 365).default(24),
    /** The live layers shown at start (`layers=` in the URL); the HUD toggles them after. */
    layers: z.array(z.enum(LAYER_IDS)).default([...LAYER_IDS]),
    /** A new alert at or above this severity draws the camera to it for a while (null: never). */
    alertFocus: z
      .object({
        minSeverity: z.number().int().min(1).max(4).nullable().default(4),
        dwellSeconds: z.number().min(1).max(600).default(10),
      })
      .default({ minSeverity: 4, dwellSeconds: 10 }),
  })
  .refine((config) => config.basemap.kind !== 'intranet' || config.basemap.intranet !== undefined, {
    message: 'basemap.kind "intranet" needs basemap.intranet (the tile source)',
    path: ['basemap', 'intranet'],
  });
export type AppConfig = z.infer<typeof appConfigSchema>;

export const defaultAppConfig: AppConfig = appConfigSchema.parse({});

/** `?source=mock` runs the simulator in the page (a demo with no server); `?source=http` the default backend; `?source=none` nothing. */
const SOURCE_SHORTCUTS: Record<string, unknown> = {
  mock: [{ type: 'mock', id: 'simulator' }],
  http: [{ type: 'http', id: 'backend' }],
  /** No data at all: the region alone (benchmarks feed their own records). */
  none: [],
};

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
/** A number where the parameter is one, else the text itself, so the schema's message names the problem. */
const numeric = (value: string): number | string => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * Each URL parameter is applied and validated on its own, so one bad value does not drop the
 * others. Order matters where one depends on another: `playback` before `speed` and `at`.
 */
const URL_OVERRIDES: Record<string, (config: AppConfig, value: string) => unknown> = {
  region: (config, value) => ({ ...config, region: value }),
  lang: (config, value) => ({ ...config, language: value }),
  theme: (config, value) => ({ ...config, theme: value }),
  view: (config, value) => ({ ...config, view: value }),
  basemap: (config, value) => ({ ...config, basemap: { ...config.basemap, kind: value } }),
  source: (config, value) => ({ ...config, sources: Object.hasOwn(SOURCE_SHORTCUTS, value) ? SOURCE_SHORTCUTS[value] : value }),
  layers: (config, value) => ({ ...config, layers: list(value) }),
  /** `focus=off` keeps the camera still; `focus=3` flies to every new alert of severity 3 and up. */
  mode: (config, value) => ({ ...config, mode: value }),
  tour: (config, value) => ({ ...config, tour: value }),
  wall: (config, value) => ({ ...config, wall: { ...config.wall, id: value } }),
  /** A screen of a wall is a wall screen, whatever else the URL says. */
  screen: (config, value) => ({ ...config, mode: 'wall', wall: config.wall && { ...config.wall, screen: value } }),
  deck: (config, value) => ({ ...config, deck: value }),
  diag: (config, value) => ({ ...config, diag: value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : value }),
  slide: (config, value) => ({ ...config, slide: numeric(value) }),
  dwell: (config, value) => ({ ...config, dwellSeconds: numeric(value) }),
  reload: (config, value) => ({ ...config, reload: value === 'off' ? { ...config.reload, enabled: false } : { ...config.reload, enabled: true, at: value } }),
  severity: (config, value) => ({ ...config, duty: { ...config.duty, minSeverity: numeric(value) } }),
  sides: (config, value) => ({ ...config, duty: { ...config.duty, sides: list(value) } }),
  towns: (config, value) => ({ ...config, duty: { ...config.duty, towns: list(value) } }),
  desk: (config, value) => ({ ...config, duty: { ...config.duty, station: value } }),
  playback: (config, value) => ({ ...config, playback: { ...config.playback, window: value } }),
  speed: (config, value) => ({ ...config, playback: config.playback && { ...config.playback, speed: numeric(value) } }),
  at: (config, value) => ({ ...config, playback: config.playback && { ...config.playback, at: value } }),
  focus: (config, value) => ({ ...config, alertFocus: { ...config.alertFocus, minSeverity: value === 'off' ? null : numeric(value) } }),
};

export interface ResolvedAppConfig {
  config: AppConfig;
  /** What was wrong and ignored, in words for the HUD and diagnostics. */
  problems: string[];
}

/**
 * Merges the config file with URL parameters (`region`, `basemap`). A bad file falls back to the
 * defaults; a bad URL parameter is ignored; either way the problem is reported, never swallowed.
 */
export function resolveAppConfig(file: unknown, search: URLSearchParams): ResolvedAppConfig {
  const problems: string[] = [];
  let config = defaultAppConfig;
  if (file !== undefined) {
    const parsed = appConfigSchema.safeParse(file);
    if (parsed.success) config = parsed.data;
    else problems.push(...formatIssues(parsed.error).map((line) => `config.json ${line}`));
  }
  const fileMode = config.mode;
  for (const [name, apply] of Object.entries(URL_OVERRIDES)) {
    const value = search.get(name);
    if (value === null) continue;
    const candidate = appConfigSchema.safeParse(apply(config, value));
    if (candidate.success) config = candidate.data;
    else problems.push(`URL parameter ${name}=${JSON.stringify(value)} ignored: ${formatIssues(candidate.error).join('; ')}`);
  }
  // Unmasking is the file's decision for the screen it configures: a wall whose URL is edited to
  // `mode=duty` must not start showing ID numbers because the duty desk's config allows it.
  if (config.privacy.unmaskInDuty && fileMode !== 'duty') config = { ...config, privacy: { ...config.privacy, unmaskInDuty: false } };
  return { config, problems };
}
