/**
 * Cross-province assistance requests as arcs from the requesting station to the one asked, with
 * a band flowing along while the request is open and its SLA countdown at the top of the arc;
 * overdue arcs turn red. Accepted requests fade to amber; settled or declined ones leave the map.
 */
import { isoMs } from '../../domain/isoMs';
import { assistMinutesLeft, type AssistRequest } from '../../domain/entities/assistRequest';
import { arcPositions } from './arcPositions';
import type { GraphicParts } from './graphics';
import { type LiveContext, fontOf } from './liveContext';
import { liveTheme } from './liveTheme';

export function describeAssistRequest(request: AssistRequest, context: LiveContext): GraphicParts | null {
  if (request.status === 'completed' || request.status === 'declined') return null;
  const from = context.station(request.fromStationId);
  const to = context.station(request.toStationId);
  if (!from || !to) return null;
  const positions = arcPositions(from.position, to.position, liveTheme.heightMeters);
  const minutesLeft = assistMinutesLeft(request, new Date(context.now));
  const overdue = minutesLeft !== null && minutesLeft < 0;
  const color = request.status === 'responded' ? liveTheme.assist.responded : overdue ? liveTheme.assist.overdue : liveTheme.assist.open;
  const zh = context.language === 'zh';
  const text =
    minutesLeft === null
      ? zh ? `协查 · 已接受` : 'Assist · accepted'
      : overdue
        ? zh ? `协查 · 超时 ${Math.ceil(-minutesLeft)} 分` : `Assist · ${Math.ceil(-minutesLeft)} min overdue`
        : zh ? `协查 · 剩余 ${Math.floor(minutesLeft)} 分` : `Assist · ${Math.floor(minutesLeft)} min left`;
  return {
    line: { positions, color, widthPixels: Math.max(2, 4 * context.pixelScale), style: request.status === 'open' ? 'flow' : 'glow' },
    label: {
      position: positions[Math.floor(positions.length / 2)]!,
      text,
      font: fontOf(context, liveTheme.labelSizePixels + 1, 700),
      color,
      liftPixels: Math.round(6 * context.pixelScale),
      maxRangeMeters: undefined,
    },
  };
}

/** An open request's countdown label changes every minute, on the minute of its deadline. */
export function assistNextChangeAt(request: AssistRequest, context: LiveContext): number | undefined {
  if (request.status !== 'open') return undefined;
  const deadline = isoMs(request.requestedAt) + request.slaMinutes * 60_000;
  const intoMinute = (((context.now - deadline) % 60_000) + 60_000) % 60_000;
  // On a minute boundary the label turns one millisecond later, not a minute later.
  return context.now - intoMinute + (intoMinute === 0 ? 1 : 60_001);
}
