/**
 * Stations (派出所, 警务室, joint workstations, control centre, eco-police office, shared court)
 * as icons: the kind's character on a tile of its province's colour; the name at near range.
 * Checkpoints have a layer of their own (describeCheckpoint).
 */
import type { Station } from '../../domain/entities/station';
import type { GraphicParts } from './graphics';
import { type LiveContext, fontOf } from './liveContext';
import { liveTheme } from './liveTheme';

export function describeStation(station: Station, context: LiveContext): GraphicParts | null {
  if (station.stationKind === 'checkpoint') return null;
  const position = [station.position[0], station.position[1], liveTheme.heightMeters] as const;
  const color = context.provinceColor(station.province);
  const size = Math.round(liveTheme.iconSizePixels * context.pixelScale);
  return {
    icon: {
      position,
      pulse: false,
      icon: {
        key: `station:${station.stationKind}:${color}:${size}:${context.language}`,
        sizePixels: size,
        glyph: liveTheme.stationGlyphs[context.language][station.stationKind],
        background: { css: color, alpha: 1 },
        foreground: { css: '#02101f', alpha: 1 },
        ring: { color: liveTheme.white, widthPixels: Math.max(1, Math.round(1.5 * context.pixelScale)) },
        shape: 'square',
      },
    },
    label: {
      position,
      text: station.name,
      font: fontOf(context, liveTheme.labelSizePixels),
      color: liveTheme.white,
      liftPixels: Math.round((liveTheme.iconSizePixels / 2 + 4) * context.pixelScale),
      maxRangeMeters: liveTheme.labelMaxRangeMeters,
    },
  };
}

/** Checkpoints (卡口/检查站) with their interception status as the ring colour; intercepting ones pulse. */
export function describeCheckpoint(station: Station, context: LiveContext): GraphicParts | null {
  if (station.stationKind !== 'checkpoint') return null;
  const position = [station.position[0], station.position[1], liveTheme.heightMeters] as const;
  const status = station.checkpoint?.status ?? 'open';
  const size = Math.round(liveTheme.iconSizePixels * context.pixelScale);
  const color = context.provinceColor(station.province);
  const intercepted = station.checkpoint?.interceptionsToday ?? 0;
  return {
    icon: {
      position,
      pulse: status === 'intercepting',
      icon: {
        key: `checkpoint:${status}:${color}:${size}:${context.language}`,
        sizePixels: size,
        glyph: liveTheme.stationGlyphs[context.language].checkpoint,
        background: { css: color, alpha: 1 },
        foreground: { css: '#02101f', alpha: 1 },
        ring: { color: liveTheme.checkpointRing[status], widthPixels: Math.max(2, Math.round(3 * context.pixelScale)) },
        shape: 'circle',
      },
    },
    label: {
      position,
      text: intercepted > 0 ? `${station.name} · ${context.language === 'zh' ? '今日拦截' : 'stopped today'} ${intercepted}` : station.name,
      font: fontOf(context, liveTheme.labelSizePixels),
      color: status === 'intercepting' ? liveTheme.checkpointRing.intercepting : liveTheme.white,
      liftPixels: Math.round((liveTheme.iconSizePixels / 2 + 4) * context.pixelScale),
      maxRangeMeters: liveTheme.labelMaxRangeMeters,
    },
  };
}
