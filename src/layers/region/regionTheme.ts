/**
 * How the region's geography looks on the dark command-center globe. Colours are CSS strings
 * plus an alpha so the renderer alone turns them into engine colours.
 */
export interface ThemeColor {
  css: string;
  alpha: number;
}

/** Strings already made, by colour then alpha: a 10k-record update asks for the same few again and again. */
const cssColors = new Map<string, Map<number, string>>();

/** A theme colour as a CSS `rgba()` string, for canvases and the flat map's style. */
export function cssColor({ css, alpha }: ThemeColor): string {
  let byAlpha = cssColors.get(css);
  if (!byAlpha) {
    byAlpha = new Map();
    if (cssColors.size < 256) cssColors.set(css, byAlpha);
  }
  let made = byAlpha.get(alpha);
  if (made === undefined) {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16));
    made = `rgba(${r}, ${g}, ${b}, ${alpha})`;
    // Colours come from the theme and the region's provinces: a handful, but never let it grow unbounded.
    if (byAlpha.size < 256) byAlpha.set(alpha, made);
  }
  return made;
}

export interface RegionTheme {
  /** The globe's colour where no imagery is drawn, and the page background around the globe. */
  globeBase: string;
  background: string;
  focusTopHeightMeters: number;
  contextTopHeightMeters: number;
  focusFillAlpha: number;
  focusWallAlpha: number;
  /** The halo around every label, so text stays legible over fills of either palette. */
  labelOutline: ThemeColor;
  context: { fill: ThemeColor; wall: ThemeColor; edge: ThemeColor };
  border: { color: ThemeColor; widthPixels: number; curtainHeightMeters: number; liftMeters: number };
  labels: {
    fontFamily: string;
    province: { sizePixels: number; weight: number };
    county: { sizePixels: number; weight: number; focusColor: ThemeColor; contextColor: ThemeColor };
    town: { sizePixels: number; weight: number; color: ThemeColor; maxRangeMeters: number };
    border: { sizePixels: number; weight: number };
  };
  town: { sizePixels: number; color: ThemeColor };
}

/**
 * System CJK fonts only: the dashboard runs on isolated networks, so no web font is fetched.
 * Windows walls have Microsoft YaHei, Debian has WenQuanYi Zen Hei (fonts-wqy-zenhei).
 */
export const CJK_FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif';

export const darkRegionTheme: RegionTheme = {
  globeBase: '#071a2e',
  background: '#02060d',
  // Exaggerated slabs read as "a county" from across the room at a ~100 km camera range.
  focusTopHeightMeters: 2400,
  contextTopHeightMeters: 700,
  focusFillAlpha: 0.38,
  // Reviewers at 5 m found the bright side walls louder than the grids they frame: a thin, dim rim.
  focusWallAlpha: 0.4,
  labelOutline: { css: '#02060d', alpha: 0.9 },
  context: {
    fill: { css: '#27476e', alpha: 0.35 },
    wall: { css: '#3d6a9e', alpha: 0.25 },
    edge: { css: '#5f8fc4', alpha: 0.7 },
  },
  // A low curtain and a narrower glow: the border is a line to read the grids against, not a wall of light.
  border: { color: { css: '#ff3d6e', alpha: 1 }, widthPixels: 9, curtainHeightMeters: 1500, liftMeters: 60 },
  labels: {
    fontFamily: CJK_FONT_FAMILY,
    province: { sizePixels: 30, weight: 700 },
    county: { sizePixels: 22, weight: 700, focusColor: { css: '#ffffff', alpha: 1 }, contextColor: { css: '#a9c1de', alpha: 0.85 } },
    town: { sizePixels: 17, weight: 500, color: { css: '#e8f4ff', alpha: 1 }, maxRangeMeters: 400_000 },
    border: { sizePixels: 18, weight: 700 },
  },
  town: { sizePixels: 9, color: { css: '#ffffff', alpha: 1 } },
};

/**
 * The same geography for briefing projectors in a lit room (`theme=light`): pale ground, deeper
 * province tints, dark text with a white halo. Heights and sizes stay those of the dark wall.
 */
const lightRegionTheme: RegionTheme = {
  ...darkRegionTheme,
  globeBase: '#e9eef4',
  background: '#f4f6f9',
  focusFillAlpha: 0.3,
  focusWallAlpha: 0.3,
  labelOutline: { css: '#ffffff', alpha: 0.9 },
  context: {
    fill: { css: '#c9d4e2', alpha: 0.6 },
    wall: { css: '#9fb1c8', alpha: 0.25 },
    edge: { css: '#8096b3', alpha: 0.8 },
  },
  border: { ...darkRegionTheme.border, color: { css: '#d81b4a', alpha: 1 } },
  labels: {
    ...darkRegionTheme.labels,
    county: { ...darkRegionTheme.labels.county, focusColor: { css: '#0d1b2e', alpha: 1 }, contextColor: { css: '#4a5d77', alpha: 0.9 } },
    town: { ...darkRegionTheme.labels.town, color: { css: '#14243a', alpha: 1 } },
  },
  town: { sizePixels: 9, color: { css: '#14243a', alpha: 1 } },
};

/** The region's palette for the app's theme (`theme=`). */
export function regionThemeFor(theme: 'dark' | 'light'): RegionTheme {
  return theme === 'light' ? lightRegionTheme : darkRegionTheme;
}

/**
 * `color` drawn over an opaque `backdrop`, as one opaque colour. Over the plain dark globe the
 * county tops are drawn this way: translucent ear-cut polygons show their long sliver triangles
 * as faint stray lines where triangles meet, opaque ones cannot.
 */
export function blendOver(color: ThemeColor, backdropCss: string): ThemeColor {
  const channels = (css: string) => [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16));
  const top = channels(color.css);
  const bottom = channels(backdropCss);
  const mixed = top.map((value, i) => Math.round(value * color.alpha + bottom[i]! * (1 - color.alpha)));
  return { css: `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`, alpha: 1 };
}
