import { Color } from '@cesium/engine';
import type { ThemeColor } from '../../layers/region/regionTheme';

const cache = new Map<string, Color>();

/**
 * Engine colours for theme colours, parsed once: parsing a CSS string per update would dominate
 * a 10k-item batch. Safe to share: Cesium's setters copy the colour they are given.
 */
export function cachedColor(color: ThemeColor): Color {
  const key = `${color.css}/${color.alpha}`;
  let engineColor = cache.get(key);
  if (!engineColor) {
    engineColor = Color.fromCssColorString(color.css).withAlpha(color.alpha);
    cache.set(key, engineColor);
  }
  return engineColor;
}
