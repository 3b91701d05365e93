/**
 * A video wall of several screens, each driven by its own browser (`public/walls/<id>.json`): how
 * many columns and rows, each screen's pixel size, the bezels between the screens' lit areas, and
 * which HUD panels each screen carries. The wall is drawn as one picture: every screen shows the
 * part of it behind its glass, and the bezels hide the strips between, so a line crossing a bezel
 * comes out the other side where it would have been (bezel compensation).
 */
import { z } from '../z';

/** The HUD's blocks a screen can carry; a screen that names none shows the map alone. */
const WALL_PANELS = ['title', 'heroes', 'kpi', 'live', 'footer'] as const;
export type WallPanel = (typeof WALL_PANELS)[number];

export const wallIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a wall id uses letters, digits, dot, dash or underscore');

const cellSchema = z.string().regex(/^\d{1,2},\d{1,2}$/, 'a screen is named "column,row", from 0,0 at the top left');

export const wallLayoutSchema = z
  .strictObject({
    id: wallIdSchema,
    title: z.string().min(1).max(200).optional(),
    columns: z.number().int().min(1).max(16),
    rows: z.number().int().min(1).max(16),
    /** Every screen's size in CSS pixels (the browser window's inner size). */
    screen: z.strictObject({ width: z.number().int().min(160).max(16_384), height: z.number().int().min(90).max(16_384) }),
    /** The dark strip between two neighbouring screens' pictures, both bezels together, in the same pixels. */
    bezel: z.strictObject({ x: z.number().int().min(0).max(2000), y: z.number().int().min(0).max(2000) }).default({ x: 0, y: 0 }),
    /** The decks its consoles offer as the wall's tour (a wall tour, a briefing's slides). */
    tours: z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a deck id uses letters, digits, dot, dash or underscore')).min(1).max(32).default(['wall-tour']),
    /** The panels on each screen, keyed "column,row"; screens not named show the map alone. */
    panels: z.record(cellSchema, z.array(z.enum(WALL_PANELS)).max(WALL_PANELS.length)).default({}),
  })
  .superRefine((layout, context) => {
    for (const cell of Object.keys(layout.panels)) {
      const [column, row] = cell.split(',').map(Number) as [number, number];
      if (column >= layout.columns || row >= layout.rows) {
        context.addIssue({ code: 'custom', path: ['panels', cell], message: `screen ${cell} is outside the ${layout.columns}×${layout.rows} wall` });
      }
    }
  });
export type WallLayout = z.infer<typeof wallLayoutSchema>;

/** Where one screen sits in the wall's picture, in CSS pixels from the picture's top-left corner. */
export interface WallViewport {
  /** The whole picture, bezels included. */
  wallWidth: number;
  wallHeight: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

function wallSize(layout: WallLayout): { width: number; height: number } {
  return {
    width: layout.columns * layout.screen.width + (layout.columns - 1) * layout.bezel.x,
    height: layout.rows * layout.screen.height + (layout.rows - 1) * layout.bezel.y,
  };
}

/** Parses `screen=column,row`; a screen outside the wall is an error naming the wall's size. */
export function parseScreenCell(layout: WallLayout, value: string): { column: number; row: number } {
  const match = /^(\d{1,2}),(\d{1,2})$/.exec(value.trim());
  if (!match) throw new RangeError(`screen=${JSON.stringify(value)}: give the screen as column,row (0,0 is the top left)`);
  const [column, row] = [Number(match[1]), Number(match[2])];
  if (column >= layout.columns || row >= layout.rows) {
    throw new RangeError(`screen=${value} is outside wall ${layout.id}, which is ${layout.columns} columns by ${layout.rows} rows (0-based)`);
  }
  return { column, row };
}

export function screenViewport(layout: WallLayout, cell: { column: number; row: number }): WallViewport {
  const { width: wallWidth, height: wallHeight } = wallSize(layout);
  return {
    wallWidth,
    wallHeight,
    x: cell.column * (layout.screen.width + layout.bezel.x),
    y: cell.row * (layout.screen.height + layout.bezel.y),
    width: layout.screen.width,
    height: layout.screen.height,
  };
}

/** The panels a screen carries. */
export function screenPanels(layout: WallLayout, cell: { column: number; row: number }): readonly WallPanel[] {
  return layout.panels[`${cell.column},${cell.row}`] ?? [];
}
