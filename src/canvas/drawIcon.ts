/**
 * Draws an icon from its spec onto a canvas: a tile or disc in the layer's colour, an optional
 * ring (status) and progress ring (a grid event's closed loop), and a character. System fonts only.
 */
import type { IconSpec } from '../layers/live/graphics';
import { cssColor as rgba } from '../layers/region/regionTheme';

export function drawIcon(spec: IconSpec, fontFamily: string): HTMLCanvasElement {
  const padding = Math.ceil(spec.sizePixels * 0.2);
  const size = spec.sizePixels + padding * 2;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  const centre = size / 2;
  const radius = spec.sizePixels / 2;
  context.fillStyle = rgba(spec.background);
  context.beginPath();
  if (spec.shape === 'circle') context.arc(centre, centre, radius, 0, Math.PI * 2);
  else context.roundRect(centre - radius, centre - radius, radius * 2, radius * 2, radius * 0.3);
  context.fill();
  if (spec.ring) {
    context.strokeStyle = rgba(spec.ring.color);
    context.lineWidth = spec.ring.widthPixels;
    context.stroke();
  }
  if (spec.progress && spec.progress.steps > 0) {
    const gap = 0.12;
    const sweep = (Math.PI * 2) / spec.progress.steps;
    context.lineWidth = Math.max(1.5, spec.sizePixels * 0.12);
    for (let step = 0; step < spec.progress.steps; step++) {
      context.strokeStyle = step < spec.progress.done ? rgba(spec.progress.color) : 'rgba(255, 255, 255, 0.18)';
      context.beginPath();
      context.arc(centre, centre, radius * 0.62, -Math.PI / 2 + step * sweep + gap, -Math.PI / 2 + (step + 1) * sweep - gap);
      context.stroke();
    }
  }
  if (spec.glyph) {
    context.fillStyle = rgba(spec.foreground);
    context.font = `700 ${Math.round(spec.sizePixels * 0.62)}px ${fontFamily}`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(spec.glyph, centre, centre + spec.sizePixels * 0.04);
  }
  return canvas;
}
