/**
 * Watchlist hits as points coloured by severity; a new one of severity ≥ 3 pulses. While an
 * alert is open, a dashed line runs from the hit to the station of the side that set the control
 * (一地布控、两域双查), in that side's colour.
 */
import { isAlertOpen, type Alert } from '../../domain/entities/alert';
import type { GraphicParts } from './graphics';
import type { LiveContext } from './liveContext';
import { liveTheme } from './liveTheme';

export function isAlertPulsing(alert: Alert, context: LiveContext): boolean {
  if (alert.severity < 3 || alert.status !== 'new') return false;
  const seen = context.firstSeen(alert.id);
  return seen !== undefined && context.now - seen < liveTheme.pulseSeconds * 1000;
}

export function describeAlert(alert: Alert, context: LiveContext): GraphicParts {
  const severity = alert.severity as 1 | 2 | 3 | 4;
  const open = isAlertOpen(alert.status);
  const position = [alert.position[0], alert.position[1], liveTheme.heightMeters] as const;
  const parts: GraphicParts = {
    point: {
      position,
      color: open ? liveTheme.severity[severity] : { ...liveTheme.severity[severity], alpha: 0.45 },
      outline: open ? liveTheme.white : liveTheme.outline,
      outlineWidthPixels: Math.max(1, Math.round(2 * context.pixelScale)),
      sizePixels: Math.round(liveTheme.alertSizePixels[severity] * context.pixelScale),
      pulse: isAlertPulsing(alert, context),
    },
  };
  const station = open ? context.station(alert.controlStationId) : undefined;
  if (station) {
    parts.line = {
      positions: [position, [station.position[0], station.position[1], liveTheme.heightMeters]],
      color: { css: context.provinceColor(alert.controlSide), alpha: 0.85 },
      widthPixels: Math.max(1, 2 * context.pixelScale),
      style: 'dash',
    };
  }
  return parts;
}
