/**
 * Numbers for the HUD, formatted per language with Intl (grouping, decimals, signs), so a
 * figure reads the same way on the wall as in the report it came from.
 */
import type { Language } from '../domain/appConfig';

const cache = new Map<string, Intl.NumberFormat>();
function formatter(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(language, options)));
  return format;
}

/** `12,345` or `98.5`: at most `digits` decimals, none shown when the value is whole. */
export function formatNumber(value: number | null, language: Language, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatter(language, { maximumFractionDigits: digits }).format(value);
}

/**
 * A year-on-year change as published, to the decimals it was published with: `-50.4%`,
 * `-27.83%`, `+3.5%`, `0%`; `—` when there is no base.
 */
export function formatChangePercent(changePercent: number | null, language: Language, decimals = 1): string {
  if (changePercent === null || !Number.isFinite(changePercent)) return '—';
  return formatter(language, { style: 'percent', maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(changePercent / 100);
}
