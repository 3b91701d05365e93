/**
 * Grid events as icons: the category's colour, a ring showing how far round the closed loop
 * (discover → closed) the event has come, and a red ring and larger size once it is overdue.
 * Closed events stay, dimmed, until they age out. An open event handed across the border (跨省交办)
 * also draws an arc from where it is to the side now handling it, named at the top.
 */
import { GRID_EVENT_STAGES, isGridEventOverdue, type GridEvent } from '../../domain/entities/gridEvent';
import { arcPositions } from './arcPositions';
import type { ThemeColor } from '../region/regionTheme';
import type { GraphicParts } from './graphics';
import type { HandoffReceiver } from './handoffReceiver';
import { type LiveContext, fontOf } from './liveContext';
import { liveTheme } from './liveTheme';

/** Amber, the grid events' colour in the legend, so the arc reads as the event's, not an assistance request's. */
const HANDOFF_COLOR: ThemeColor = Object.freeze({ css: '#ffb74d', alpha: 1 });

function describeHandoff(event: GridEvent, context: LiveContext, receiver: HandoffReceiver | undefined): Pick<GraphicParts, 'line' | 'label'> {
  const handoff = event.handoffs[event.handoffs.length - 1];
  if (!handoff || !receiver || event.stage === 'closed') return {};
  const station = receiver(handoff.toSide, event.position);
  if (!station) return {};
  const positions = arcPositions(event.position, station.position, liveTheme.heightMeters);
  return {
    line: { positions, color: HANDOFF_COLOR, widthPixels: Math.max(2, 3 * context.pixelScale), style: 'flow' },
    label: {
      position: positions[Math.floor(positions.length / 2)]!,
      text: context.language === 'zh' ? `跨省交办 → ${station.name}` : `Handed over → ${station.name}`,
      font: fontOf(context, liveTheme.labelSizePixels),
      color: HANDOFF_COLOR,
      liftPixels: Math.round(6 * context.pixelScale),
      maxRangeMeters: undefined,
    },
  };
}

export function describeGridEvent(event: GridEvent, context: LiveContext, receiver?: HandoffReceiver): GraphicParts {
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
    ...describeHandoff(event, context, receiver),
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
