/**
 * The smallest type a leader can read from 5 m, per wall shape, in CSS px at HUD scale 1 (a
 * 1080-pixel-high landscape wall, or a 1080-pixel-wide portrait one). The HUD multiplies them by
 * its scale, so a 4K wall shows them twice as many pixels high: the same size from the same seat.
 * The wide walls are watched from further back (the room is as deep as the wall is wide), so
 * their headings and hero numbers are a step larger.
 */
import type { WallClass } from './hudScale';

export interface WallType {
  /** Every line of text in a panel: rows, labels, captions. */
  body: number;
  /** A panel's heading. */
  heading: number;
  /** The headline numbers (the year-on-year drops) in the KPI strip and the briefing. */
  hero: number;
}

export const WALL_TYPE: Readonly<Record<WallClass, WallType>> = {
  standard: { body: 18, heading: 22, hero: 48 },
  wide: { body: 18, heading: 24, hero: 56 },
  portrait: { body: 18, heading: 22, hero: 48 },
};
