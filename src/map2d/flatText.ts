/**
 * Text on the flat map. maplibre draws every glyph itself from local fonts when the style has no
 * `glyphs` URL (nothing is fetched), reading `text-font` as a CSS font-family list; the layers
 * describe text as CSS font shorthands (`600 15px "Microsoft YaHei", …`), so both are taken apart
 * here.
 */
import type { LabelGraphic } from '../layers/live/graphics';
import { zoomForHeight } from '../layers/live/clusterPoints';
import { CJK_FONT_FAMILY } from '../layers/region/regionTheme';

/** The dashboard's font families, in order, as maplibre's `text-font` wants them. */
export const FLAT_TEXT_FONT: string[] = CJK_FONT_FAMILY.split(',').map((family) => family.trim().replace(/^"|"$/g, ''));

/** The pixel size in a CSS font shorthand (`600 15px …` → 15); 14 when it names none. */
export function fontSizePixels(font: string): number {
  const match = /(\d+(?:\.\d+)?)px/.exec(font);
  return match ? Number(match[1]) : 14;
}

/**
 * The zoom from which a label with this range shows: the globe hides labels farther than their
 * range, the flat map below the matching zoom. Labels without a range always show (zoom 0).
 */
export function minZoomForRange(maxRangeMeters: number | undefined): number {
  return maxRangeMeters === undefined ? 0 : Math.round(zoomForHeight(maxRangeMeters) * 10) / 10;
}

/** `text-offset` is in ems: a label lifted by N pixels above its anchor. */
export function liftEms(label: Pick<LabelGraphic, 'liftPixels' | 'font'>): [number, number] {
  return [0, -label.liftPixels / fontSizePixels(label.font)];
}
