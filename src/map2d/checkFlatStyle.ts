/**
 * An intranet maplibre style (basemap.style2d) is the deployment's own file: before the flat map
 * uses it, it must be a version 8 style whose every URL (sources, tiles, sprite, glyphs) stays on
 * this server, since the page may load nothing from anywhere else. A style that fails says which
 * field is wrong, and the map keeps the dark base map.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { FLAT_TEXT_FONT } from './flatText';

export type CheckedStyle = { ok: true; style: StyleSpecification; textFont: string[] } | { ok: false; problem: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every string under `value` that looks like a URL off this server, with its path. */
function foreignUrls(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('//')) found.push(`${path}: ${value}`);
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => foreignUrls(item, `${path}[${i}]`, found));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) foreignUrls(item, `${path}.${key}`, found);
}

export function checkFlatStyle(json: unknown, name: string): CheckedStyle {
  if (!isRecord(json)) return { ok: false, problem: `${name}: not a style object` };
  if (json.version !== 8) return { ok: false, problem: `${name}: version must be 8 (a maplibre/mapbox style), found ${JSON.stringify(json.version)}` };
  if (!isRecord(json.sources)) return { ok: false, problem: `${name}: sources must be an object` };
  if (!Array.isArray(json.layers)) return { ok: false, problem: `${name}: layers must be an array` };
  const found: string[] = [];
  foreignUrls(json.sources, 'sources', found);
  foreignUrls(json.sprite, 'sprite', found);
  foreignUrls(json.glyphs, 'glyphs', found);
  if (found.length > 0) return { ok: false, problem: `${name}: URLs must be paths on this server (the page loads nothing from elsewhere): ${found.slice(0, 3).join('; ')}` };
  // With a glyphs URL the style's fonts are the ones its server has: the dashboard's text uses
  // the first of them instead of asking that server for fonts it does not hold.
  const symbol = (json.layers as unknown[]).find((layer) => isRecord(layer) && isRecord(layer.layout) && Array.isArray(layer.layout['text-font']));
  const textFont = json.glyphs !== undefined && isRecord(symbol) && isRecord(symbol.layout) ? (symbol.layout['text-font'] as string[]) : FLAT_TEXT_FONT;
  return { ok: true, style: json as unknown as StyleSpecification, textFont };
}
