import { Color } from '@cesium/engine';
import type { ThemeColor } from '../layers/region/regionTheme';

export function toCesiumColor(color: ThemeColor): Color {
  return Color.fromCssColorString(color.css).withAlpha(color.alpha);
}
