/**
 * Grid events as icons: the category's colour, a ring showing how far round the closed loop
 * (discover → closed) the event has come, and a red ring and larger size once it is overdue.
 * Closed events stay, dimmed, until they age out.
 */
import { GRID_EVENT_STAGES, isGridEventOverdue, type GridEvent } from '../../domain/entities/gridEvent';
import type { GraphicParts } from './graphics';
import type { LiveContext } from './liveContext';
import { liveTheme } from './liveTheme';

export function describeGridEvent(event: GridEvent, context: LiveContext): GraphicParts {
  const overdue = isGridEventOverdue(event, new Date(context.now));
  const closed = event.stage === 'closed';
  const stageIndex = GRID_EVENT_STAGES.indexOf(event.stage);
  const size = Math.round((overdue ? 24 : 18) * context.pixelScale);
  const color = liveTheme.categories[event.category];
  return {
    icon: {
      position: [event.position[0], event.position[1], liveTheme.heightMeters],
      pulse: false,
      icon: {
        key: `event:${event.category}:${stageIndex}:${overdue ? 'overdue' : 'ok'}:${size}`,
        sizePixels: size,
        glyph: '',
        background: { ...color, alpha: closed ? 0.35 : 0.95 },
        foreground: liveTheme.white,
        progress: { steps: GRID_EVENT_STAGES.length - 1, done: stageIndex, color: closed ? { css: '#ffffff', alpha: 0.4 } : liveTheme.white },
        ...(overdue ? { ring: { color: liveTheme.overdue, widthPixels: Math.max(2, Math.round(3 * context.pixelScale)) } } : {}),
        shape: 'circle',
      },
    },
  };
}

/**
 * An open event changes look once, by the clock alone: just after it falls due (overdue is
 * strictly later than due, so a redraw at the due millisecond itself would still draw it on time).
 */
export function gridEventNextChangeAt(event: GridEvent, context: LiveContext): number | undefined {
  if (event.stage === 'closed') return undefined;
  const due = Date.parse(event.dueAt);
  return due >= context.now ? due + 1 : undefined;
}
