/**
 * Grid events as icons: the category's colour, a ring showing how far round the closed loop
 * (discover → closed) the event has come, and a red ring and larger size once it is overdue.
 * Closed events stay, dimmed, until they age out. An open event handed across the border (跨省交办)
 * also draws an arc from where it is to the side now handling it, named at the top.
 */
import { isoMs } from '../../domain/isoMs';
import { GRID_EVENT_STAGES, isGridEventOverdueAt, type GridEvent } from '../../domain/entities/gridEvent';
import { arcPositions } from './arcPositions';
import type { ThemeColor } from '../region/regionTheme';
import type { GraphicParts, IconSpec } from './graphics';
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

/**
 * An event's look depends on a few values only, so the 40k grid events share a few hundred specs:
 * built once each, instead of a key string, colours and a progress object per event per change.
 */
const iconSpecs = new Map<string, Map<number, IconSpec>>();

function iconSpecOf(category: GridEvent['category'], stageIndex: number, overdue: boolean, size: number, ringWidth: number): IconSpec {
  let byLook = iconSpecs.get(category);
  if (!byLook) iconSpecs.set(category, (byLook = new Map()));
  const look = ((size * 64 + ringWidth) * 16 + stageIndex) * 2 + (overdue ? 1 : 0);
  let spec = byLook.get(look);
  if (!spec) {
    const closed = GRID_EVENT_STAGES[stageIndex] === 'closed';
    const color = liveTheme.categories[category];
    spec = Object.freeze({
      key: `event:${category}:${stageIndex}:${overdue ? 'overdue' : 'ok'}:${size}`,
      sizePixels: size,
      glyph: '',
      background: { ...color, alpha: closed ? 0.35 : 0.95 },
      foreground: liveTheme.white,
      progress: { steps: GRID_EVENT_STAGES.length - 1, done: stageIndex, color: closed ? { css: '#ffffff', alpha: 0.4 } : liveTheme.white },
      ...(overdue ? { ring: { color: liveTheme.overdue, widthPixels: ringWidth } } : {}),
      shape: 'circle' as const,
    });
    byLook.set(look, spec);
  }
  return spec;
}

export function describeGridEvent(event: GridEvent, context: LiveContext, receiver?: HandoffReceiver): GraphicParts {
  const overdue = isGridEventOverdueAt(event, context.now);
  const stageIndex = GRID_EVENT_STAGES.indexOf(event.stage);
  const size = Math.round((overdue ? 24 : 18) * context.pixelScale);
  const icon = iconSpecOf(event.category, stageIndex, overdue, size, Math.max(2, Math.round(3 * context.pixelScale)));
  const parts: GraphicParts = { icon: { position: [event.position[0], event.position[1], liveTheme.heightMeters], pulse: false, icon } };
  // Only events handed across the border and still open draw a line and a name.
  if (event.handoffs.length > 0 && event.stage !== 'closed') Object.assign(parts, describeHandoff(event, context, receiver));
  return parts;
}

export function gridEventNextChangeAt(event: GridEvent, context: LiveContext): number | undefined {
  if (event.stage === 'closed') return undefined;
  const due = isoMs(event.dueAt);
  return due >= context.now ? due + 1 : undefined;
}
