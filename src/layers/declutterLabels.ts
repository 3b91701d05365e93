/**
 * Which labels show, and where, when their boxes would collide on screen: the highest priority is
 * placed first; a label tries above its anchor, then below, right and left; one with no free spot
 * is hidden, never drawn over another name or a HUD panel, nor over an icon unless it outranks the
 * icons (`keep`). Pure, so the globe
 * runs it as the camera moves and the tests run it in Node.
 */
import type { ScreenRect } from './freeMapArea';

export interface LabelBox {
  id: string;
  /** The anchor on screen (CSS pixels from the canvas's top-left). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** How far above its anchor the label sits normally (a town's name above its dot). */
  liftPixels: number;
  /** Higher is placed first. */
  priority: number;
  /**
   * Never hidden for an icon (county and town names): it still takes a free side if there is one,
   * but where every side touches an icon it shows anyway. It never overlaps another name or the HUD.
   */
  keep: boolean;
}

/** Where a label is drawn: its offset from the anchor to its bottom centre (screen y grows downwards). */
export interface LabelOffset {
  x: number;
  y: number;
}

/** Clear space kept between two labels, so their outlines do not touch. */
const GAP_PIXELS = 2;

const intersects = (a: ScreenRect, b: ScreenRect) => a.left < b.right + GAP_PIXELS && b.left < a.right + GAP_PIXELS && a.top < b.bottom + GAP_PIXELS && b.top < a.bottom + GAP_PIXELS;

/** The rectangle a label covers at an offset (its origin is the bottom centre). */
export function labelRect(label: LabelBox, offset: LabelOffset): ScreenRect {
  const centre = label.x + offset.x;
  const bottom = label.y + offset.y;
  return { left: centre - label.width / 2, right: centre + label.width / 2, top: bottom - label.height, bottom };
}

function candidates(label: LabelBox): LabelOffset[] {
  const side = label.width / 2 + label.liftPixels + 4;
  return [
    { x: 0, y: -label.liftPixels },
    { x: 0, y: label.liftPixels + label.height },
    { x: side, y: label.height / 2 },
    { x: -side, y: label.height / 2 },
  ];
}

/**
 * Farther spots for a county or town name (`keep`) whose four sides all touch icons: the corners,
 * then a line's height farther out. An area's name a little off its dot still names the place;
 * drawn under a station's tile it names nothing. Station names never go this far (no leader lines).
 */
function fartherCandidates(label: LabelBox): LabelOffset[] {
  const corner = label.width / 2 + 6;
  const step = label.height + 6;
  const side = label.width / 2 + label.liftPixels + 4 + step;
  return [
    { x: corner, y: -label.liftPixels },
    { x: -corner, y: -label.liftPixels },
    { x: corner, y: label.liftPixels + label.height },
    { x: -corner, y: label.liftPixels + label.height },
    { x: 0, y: -label.liftPixels - step },
    { x: 0, y: label.liftPixels + label.height + step },
    { x: side, y: label.height / 2 },
    { x: -side, y: label.height / 2 },
  ];
}

/**
 * @param icons marks every label keeps clear of (stations, checkpoints): they are never hidden.
 * @param blocked what no label may sit under (the HUD's panels).
 * @returns each label's offset, or null where it is hidden.
 */
export function declutterLabels(labels: readonly LabelBox[], icons: readonly ScreenRect[], blocked: readonly ScreenRect[]): Map<string, LabelOffset | null> {
  const placed: ScreenRect[] = [];
  const result = new Map<string, LabelOffset | null>();
  const order = [...labels].sort((a, b) => b.priority - a.priority);
  for (const label of order) {
    let chosen: LabelOffset | null = null;
    const options = candidates(label);
    for (const offset of label.keep ? [...options, ...fartherCandidates(label)] : options) {
      const rect = labelRect(label, offset);
      if (blocked.some((other) => intersects(rect, other)) || icons.some((icon) => intersects(rect, icon)) || placed.some((other) => intersects(rect, other))) continue;
      chosen = offset;
      break;
    }
    if (!chosen && label.keep) {
      chosen = options.find((offset) => {
        const rect = labelRect(label, offset);
        return !blocked.some((other) => intersects(rect, other)) && !placed.some((other) => intersects(rect, other));
      }) ?? null;
    }
    if (chosen) placed.push(labelRect(label, chosen));
    result.set(label.id, chosen);
  }
  return result;
}

/** A label's box size from its text and CSS font: CJK characters are square, Latin ones about half as wide. */
export function estimateTextBox(text: string, fontPixels: number, outlinePixels: number): { width: number; height: number } {
  let ems = 0;
  for (const character of text) ems += /[\u2e80-\uffff]/.test(character) ? 1 : 0.62;
  return { width: ems * fontPixels + outlinePixels * 2, height: fontPixels * 1.25 + outlinePixels * 2 };
}
