/** Drone and vehicle patrols: the path flown or driven, and where the patrol is now. */
import type { PatrolTrack } from '../../domain/entities/patrolTrack';
import type { GraphicParts } from './graphics';
import { type LiveContext, fontOf } from './liveContext';
import { liveTheme } from './liveTheme';

export function describePatrolTrack(track: PatrolTrack, context: LiveContext): GraphicParts | null {
  if (!track.active) return null;
  const color = liveTheme.patrol[track.patrolKind];
  const height = liveTheme.heightMeters + (track.patrolKind === 'drone' ? 400 : 0);
  const size = Math.round(22 * context.pixelScale);
  const head = [track.position[0], track.position[1], height] as const;
  return {
    ...(track.points.length >= 2
      ? {
          line: {
            positions: track.points.map((p) => [p.position[0], p.position[1], height] as const),
            color: { ...color, alpha: 0.8 },
            widthPixels: Math.max(1, 3 * context.pixelScale),
            style: 'glow' as const,
          },
        }
      : {}),
    icon: {
      position: head,
      pulse: false,
      icon: {
        key: `patrol:${track.patrolKind}:${size}:${context.language}`,
        sizePixels: size,
        glyph: liveTheme.patrolGlyphs[context.language][track.patrolKind],
        background: color,
        foreground: { css: '#02101f', alpha: 1 },
        ring: { color: liveTheme.white, widthPixels: Math.max(1, Math.round(1.5 * context.pixelScale)) },
        shape: 'circle',
      },
    },
    label: {
      position: head,
      text: track.name,
      font: fontOf(context, liveTheme.labelSizePixels - 1),
      color,
      liftPixels: Math.round(15 * context.pixelScale),
      maxRangeMeters: liveTheme.labelMaxRangeMeters,
    },
  };
}
