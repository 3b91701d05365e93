/**
 * One scale for the whole HUD, applied as the root font size (everything in the HUD is sized in
 * rem). The layout is designed at 1920×1080; walls scale it natively, never with a CSS transform
 * (a transform around the globe canvas blurs text and offsets picking).
 */
const DESIGN_WIDTH = 1920;
const DESIGN_HEIGHT = 1080;
const BASE_FONT_PIXELS = 16;

/** Scale for a viewport: fit 1920×1080 inside it, never below 0.75 so text stays legible. */
export function computeHudScale(widthPixels: number, heightPixels: number): number {
  if (!(widthPixels > 0) || !(heightPixels > 0)) return 1;
  const fit = Math.min(widthPixels / DESIGN_WIDTH, heightPixels / DESIGN_HEIGHT);
  return Math.max(0.75, Math.round(fit * 1000) / 1000);
}

/** Keeps the root font size in step with the window; returns a function that stops it. */
export function installHudScale(win: Window, onChange: (scale: number) => void = () => {}): () => void {
  const apply = () => {
    const scale = computeHudScale(win.innerWidth, win.innerHeight);
    win.document.documentElement.style.fontSize = `${BASE_FONT_PIXELS * scale}px`;
    win.document.documentElement.style.setProperty('--hud-scale', String(scale));
    onChange(scale);
  };
  apply();
  win.addEventListener('resize', apply);
  return () => win.removeEventListener('resize', apply);
}
