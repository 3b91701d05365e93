/**
 * Watchlist hits as points coloured by severity; a new one of severity ≥ 3 pulses. While an
 * alert is open, a dashed line runs from the hit to the station of the side that set the control
 * (一地布控、两域双查), in that side's colour.
 */
import { isAlertOpen, type Alert } from '../../domain/entities/alert';
import type { ThemeColor } from '../region/regionTheme';
import type { GraphicParts } from './graphics';
import type { LiveContext } from './liveContext';
import { liveTheme } from './liveTheme';

function isAlertPulsing(alert: Alert, context: LiveContext): boolean {
  const until = pulseEndsAt(alert, context);
  return until !== undefined && context.now < until;
}

function pulseEndsAt(alert: Alert, context: LiveContext): number | undefined {
  if (alert.severity < 3 || alert.status !== 'new') return undefined;
  const seen = context.firstSeen(alert.id);
  return seen === undefined ? undefined : seen + liveTheme.pulseSeconds * 1000;
}

/** A pulsing alert changes look when its pulse ends. */
export function alertNextChangeAt(alert: Alert, context: LiveContext): number | undefined {
  const until = pulseEndsAt(alert, context);
  return until !== undefined && context.now < until ? until : undefined;
}

const dimmed = new Map<number, ThemeColor>();
/** The severity colour at half strength, for settled alerts; made once per severity. */
function dimmedSeverity(severity: 1 | 2 | 3 | 4): ThemeColor {
  let color = dimmed.get(severity);
  if (!color) dimmed.set(severity, (color = Object.freeze({ ...liveTheme.severity[severity], alpha: 0.45 })));
  return color;
}

const controlLines = new Map<string, ThemeColor>();
/** The control line in the colour of the side that set the control; made once per colour. */
function controlLineColor(css: string): ThemeColor {
  let color = controlLines.get(css);
  if (!color) controlLines.set(css, (color = Object.freeze({ css, alpha: 0.85 })));
  return color;
}

export function describeAlert(alert: Alert, context: LiveContext): GraphicParts {
  const severity = alert.severity as 1 | 2 | 3 | 4;
  const open = isAlertOpen(alert.status);
  const position = [alert.position[0], alert.position[1], liveTheme.heightMeters] as const;
  const parts: GraphicParts = {
    point: {
      position,
      color: open ? liveTheme.severity[severity] : dimmedSeverity(severity),
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
      color: controlLineColor(context.provinceColor(alert.controlSide)),
      widthPixels: Math.max(1, 2 * context.pixelScale),
      style: 'dash',
    };
  }
  return parts;
}
