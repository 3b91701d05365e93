/**
 * One scale for the whole HUD, applied as the root font size (everything in the HUD is sized in
 * rem), and the wall's shape as `data-wall` on <html>, which picks the layout (App.vue's grid
 * areas). Walls scale natively, never with a CSS transform (a transform around the globe canvas
 * blurs text and offsets picking).
 */
import { WALL_TYPE } from './wallTypography';

const DESIGN_WIDTH = 1920;
const DESIGN_HEIGHT = 1080;
const BASE_FONT_PIXELS = 16;
/** Wider than this (21:9 monitors are 2.37) and the layout gets its extra columns. */
const WIDE_ASPECT = 2.4;

/**
 * The wall's shape: `standard` for 16:9-ish screens, `wide` for 32:9 and three-screens-wide
 * walls, `portrait` for a screen on its side. Each has its own layout, designed, not stretched.
 */
export type WallClass = 'standard' | 'wide' | 'portrait';

export function wallClassOf(widthPixels: number, heightPixels: number): WallClass {
  if (!(widthPixels > 0) || !(heightPixels > 0)) return 'standard';
  const aspect = widthPixels / heightPixels;
  if (aspect < 1) return 'portrait';
  return aspect > WIDE_ASPECT ? 'wide' : 'standard';
}

/**
 * Scale for a viewport. A standard wall fits the 1920×1080 design inside it; a wide wall scales
 * by its height (text keeps its size, the extra width goes to columns and map); a portrait screen
 * by its width over 1080 (its panels stack above and below the map). Never below 0.75.
 */
export function computeHudScale(widthPixels: number, heightPixels: number): number {
  if (!(widthPixels > 0) || !(heightPixels > 0)) return 1;
  const shape = wallClassOf(widthPixels, heightPixels);
  const fit =
    shape === 'wide' ? heightPixels / DESIGN_HEIGHT : shape === 'portrait' ? widthPixels / DESIGN_HEIGHT : Math.min(widthPixels / DESIGN_WIDTH, heightPixels / DESIGN_HEIGHT);
  return Math.max(0.75, Math.round(fit * 1000) / 1000);
}

/** Keeps the root font size, the wall's shape and its type sizes in step with the window; returns a function that stops it. */
export function installHudScale(win: Window, onChange: (scale: number) => void = () => {}): () => void {
  const apply = () => {
    const scale = computeHudScale(win.innerWidth, win.innerHeight);
    const shape = wallClassOf(win.innerWidth, win.innerHeight);
    const root = win.document.documentElement;
    root.style.fontSize = `${BASE_FONT_PIXELS * scale}px`;
    root.style.setProperty('--hud-scale', String(scale));
    root.dataset.wall = shape;
    // In rem, so they follow the scale: the table's pixels are at scale 1.
    for (const [name, pixels] of Object.entries(WALL_TYPE[shape])) root.style.setProperty(`--type-${name}`, `${pixels / BASE_FONT_PIXELS}rem`);
    onChange(scale);
  };
  apply();
  win.addEventListener('resize', apply);
  return () => win.removeEventListener('resize', apply);
}
