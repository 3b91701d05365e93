/**
 * Where the map is not covered by the HUD: the padding, in CSS pixels from each canvas edge, that
 * the home views frame the border corridor into. Read from the HUD's own boxes, so a layout that
 * stacks panels above and below the map (portrait walls) is framed as well as the side columns.
 */
export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The HUD parts that sit over the map: side columns (or stacked panels), title bar, footer. */
const OBSTRUCTION_SELECTOR = '.hud__column, .hud__title, .hud__bottom';

/** The free centre must keep at least this share of each dimension, whatever the HUD covers. */
const MIN_FREE_SHARE = 0.3;

/**
 * The padding that clears every obstruction, each pushed back from the canvas edge it costs the
 * least map area to give up: a tall column takes a side, a wide bar the top or bottom.
 */
export function paddingClearing(width: number, height: number, obstructions: readonly ScreenRect[]): MapPadding {
  const padding: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const rect of obstructions) {
    const left = Math.max(0, rect.left);
    const right = Math.min(width, rect.right);
    const top = Math.max(0, rect.top);
    const bottom = Math.min(height, rect.bottom);
    if (right <= left || bottom <= top) continue;
    const options: [keyof MapPadding, number, number][] = [
      ['left', right, right * height],
      ['right', width - left, (width - left) * height],
      ['top', bottom, bottom * width],
      ['bottom', height - top, (height - top) * width],
    ];
    const [side, inset] = options.reduce((best, option) => (option[2] < best[2] ? option : best));
    padding[side] = Math.max(padding[side], inset);
  }
  const squeeze = (a: keyof MapPadding, b: keyof MapPadding, size: number) => {
    const excess = padding[a] + padding[b] - size * (1 - MIN_FREE_SHARE);
    if (excess <= 0) return;
    const total = padding[a] + padding[b];
    padding[a] -= (excess * padding[a]) / total;
    padding[b] -= (excess * padding[b]) / total;
  };
  squeeze('left', 'right', width);
  squeeze('top', 'bottom', height);
  return padding;
}

/**
 * When no HUD is on the page to measure (a bare map), what the HUD would cover by aspect: side
 * columns of ~24rem on landscape walls, panels above and below on portrait ones.
 */
export function paddingByAspect(width: number, height: number, remPixels: number): MapPadding {
  if (width < height) return { top: Math.min(height * 0.3, 30 * remPixels), bottom: Math.min(height * 0.3, 30 * remPixels), left: remPixels, right: remPixels };
  const side = Math.min(width * 0.3, 25 * remPixels);
  return { left: side, right: side, top: Math.min(height * 0.2, 5.5 * remPixels), bottom: Math.min(height * 0.2, 4 * remPixels) };
}

/** The HUD's boxes over a canvas, in the canvas's CSS pixels: where no map label may sit. */
export function hudObstructions(canvas: HTMLElement): ScreenRect[] {
  const box = canvas.getBoundingClientRect();
  return [...document.querySelectorAll(OBSTRUCTION_SELECTOR)]
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) => ({ left: rect.left - box.left, right: rect.right - box.left, top: rect.top - box.top, bottom: rect.bottom - box.top }));
}

/** The free map area of a canvas on this page, from the HUD's boxes as laid out now. */
export function freeMapPadding(canvas: HTMLElement): MapPadding {
  const box = canvas.getBoundingClientRect();
  const rects = hudObstructions(canvas);
  if (rects.length > 0) return paddingClearing(box.width, box.height, rects);
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return paddingByAspect(box.width, box.height, rem);
}
