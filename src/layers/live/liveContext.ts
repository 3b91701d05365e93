/** What describing a record may depend on besides the record itself. */
import type { Station } from '../../domain/entities/station';

export interface LiveContext {
  /** The wall's clock, epoch ms: for overdue marks, SLA countdowns and pulses. */
  now: number;
  language: 'zh' | 'en';
  /** Multiplies pixel sizes so marks keep their apparent size on 4K and 8K walls. */
  pixelScale: number;
  provinceColor(provinceId: string): string;
  station(id: string): Station | undefined;
  /** When this wall first saw the record (epoch ms): a new alert pulses, an old one loaded at start does not. */
  firstSeen(id: string): number | undefined;
  /** Open (not closed) grid events per cross-province grid. */
  openEventsInGrid(gridId: string): number;
}

export const fontOf = (context: LiveContext, sizePixels: number, weight = 600, family = '"Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif') =>
  `${weight} ${Math.round(sizePixels * context.pixelScale)}px ${family}`;
