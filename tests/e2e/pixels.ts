/** Reading screenshots as pixels, to check what a person would actually see. */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

function pixelAt(png: PNG, x: number, y: number): Rgb {
  const index = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[index]!, png.data[index + 1]!, png.data[index + 2]!];
}

export function isInside(png: PNG, x: number, y: number, margin = 0): boolean {
  return x >= margin && y >= margin && x < png.width - margin && y < png.height - margin;
}

/** True when some pixel within `radius` of (x, y) satisfies `test`. */
export function anyPixelNear(png: PNG, x: number, y: number, radius: number, test: (rgb: Rgb) => boolean): boolean {
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x + dx);
      const py = Math.round(y + dy);
      if (isInside(png, px, py) && test(pixelAt(png, px, py))) return true;
    }
  }
  return false;
}

/** How many distinct colours (quantised to 4 bits a channel) a region holds: a blank canvas has 1. */
export function colourVariety(png: PNG, box = { x: 0, y: 0, width: png.width, height: png.height }, step = 4): number {
  const seen = new Set<number>();
  for (let y = box.y; y < box.y + box.height; y += step) {
    for (let x = box.x; x < box.x + box.width; x += step) {
      const [r, g, b] = pixelAt(png, x, y);
      seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  }
  return seen.size;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when (x, y) lies within `margin` pixels of any of the boxes. */
export function isUnderAny(boxes: readonly Box[], x: number, y: number, margin = 0): boolean {
  return boxes.some((b) => x >= b.x - margin && y >= b.y - margin && x <= b.x + b.width + margin && y <= b.y + b.height + margin);
}
