/**
 * What a live layer asks the renderer to draw, as plain data. A layer describes each record as
 * a few parts (a point or an icon, a line, a label); the renderer keeps one engine object per part
 * and updates it in place when the description changes.
 */
import type { ThemeColor } from '../region/regionTheme';

export type Position3 = readonly [number, number, number];

export interface PointGraphic {
  position: Position3;
  color: ThemeColor;
  outline: ThemeColor;
  outlineWidthPixels: number;
  sizePixels: number;
  /** Grows and fades for a while to draw the eye (a new high-severity alert). */
  pulse: boolean;
}

/** An icon drawn on a canvas from this spec, once per `key`, and shared through one atlas. */
export interface IconSpec {
  key: string;
  sizePixels: number;
  glyph: string;
  background: ThemeColor;
  foreground: ThemeColor;
  ring?: { color: ThemeColor; widthPixels: number };
  /** A progress ring: `done` of `steps` segments lit (a grid event's closed loop). */
  progress?: { steps: number; done: number; color: ThemeColor };
  shape: 'circle' | 'square';
}

export interface IconGraphic {
  position: Position3;
  icon: IconSpec;
  pulse: boolean;
}

export interface LineGraphic {
  positions: readonly Position3[];
  color: ThemeColor;
  widthPixels: number;
  /** `flow`: a bright band running along the line (an open assistance request). */
  style: 'solid' | 'dash' | 'flow' | 'glow';
}

export interface LabelGraphic {
  position: Position3;
  text: string;
  font: string;
  color: ThemeColor;
  liftPixels: number;
  maxRangeMeters: number | undefined;
}

export interface GraphicParts {
  point?: PointGraphic;
  icon?: IconGraphic;
  line?: LineGraphic;
  label?: LabelGraphic;
}

export type PartName = keyof GraphicParts;
