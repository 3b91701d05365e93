import { Color } from '@cesium/engine';
import type { ThemeColor } from '../../layers/region/regionTheme';

const byValue = new Map<string, Color>();
const byObject = new WeakMap<ThemeColor, Color>();

/**
 * Engine colours for theme colours, parsed once: parsing a CSS string per update would dominate
 * a 10k-item batch. Frozen theme colours (the themes' own) are found by identity, without
 * building a string key; others by value. Safe to share: Cesium's setters copy the colour.
 */
export function cachedColor(color: ThemeColor): Color {
  let engineColor = byObject.get(color);
  if (engineColor) return engineColor;
  const key = `${color.css}/${color.alpha}`;
  engineColor = byValue.get(key);
  if (!engineColor) {
    engineColor = Color.fromCssColorString(color.css).withAlpha(color.alpha);
    byValue.set(key, engineColor);
  }
  if (Object.isFrozen(color)) byObject.set(color, engineColor);
  return engineColor;
}
