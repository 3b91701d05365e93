/** Colours, glyphs and sizes of the live layers, on the dark command-center globe. */
import type { GridEventCategoryId } from '../../domain/entities/gridEventCategories';
import type { StationKind } from '../../domain/entities/station';
import { CJK_FONT_FAMILY, type ThemeColor, darkRegionTheme } from '../region/regionTheme';

/** Theme colours are frozen: constant, so renderers may cache what they make of them by identity. */
const c = (css: string, alpha = 1): ThemeColor => Object.freeze({ css, alpha });

export const liveTheme = {
  /** Live graphics float just above the focus counties' slabs. */
  heightMeters: darkRegionTheme.focusTopHeightMeters + 150,
  fontFamily: CJK_FONT_FAMILY,
  outline: c('#02060d', 0.9),
  white: c('#ffffff'),
  severity: { 1: c('#3fa9f5'), 2: c('#f5d13f'), 3: c('#ff8c1a'), 4: c('#ff2d55') } as Record<1 | 2 | 3 | 4, ThemeColor>,
  alertSizePixels: { 1: 9, 2: 10, 3: 13, 4: 16 } as Record<1 | 2 | 3 | 4, number>,
  /** How long a new high-severity alert pulses. */
  pulseSeconds: 12,
  categories: {
    'hazardous-building': c('#e57373'),
    'water-pollution': c('#4fc3f7'),
    dispute: c('#ffb74d'),
    'safety-hazard': c('#ff8a65'),
    ecology: c('#81c784'),
    'fire-safety': c('#f06292'),
    'road-traffic': c('#ba68c8'),
    'city-appearance': c('#a1887f'),
    'public-facilities': c('#90a4ae'),
    'food-drug': c('#dce775'),
    'public-order': c('#7986cb'),
  } satisfies Record<GridEventCategoryId, ThemeColor>,
  overdue: c('#ff3b3b'),
  /**
   * The character on each station's icon: the kind's first character in Chinese, a Latin letter in
   * English (a visitor reads "P" for a police station, not 派). The legend lists both.
   */
  stationGlyphs: {
    zh: {
      'police-station': '派',
      'police-office': '警',
      'border-workstation': '站',
      'joint-control-centre': '控',
      'eco-police-office': '生',
      'shared-court': '法',
      checkpoint: '卡',
    },
    en: {
      'police-station': 'P',
      'police-office': 'W',
      'border-workstation': 'B',
      'joint-control-centre': 'J',
      'eco-police-office': 'E',
      'shared-court': 'L',
      checkpoint: 'C',
    },
  } satisfies Record<'zh' | 'en', Record<StationKind, string>>,
  patrolGlyphs: { zh: { drone: '机', vehicle: '车' }, en: { drone: 'D', vehicle: 'V' } },
  checkpointRing: { open: c('#4cff9a'), intercepting: c('#ff2d55'), closed: c('#7a8794') },
  assist: { open: c('#35e0ff'), overdue: c('#ff3b3b'), responded: c('#ffc24d') },
  patrol: { drone: c('#c59bff'), vehicle: c('#7cffb2') },
  grid: { none: c('#38d9c0', 0.16), few: c('#ffd54f', 0.3), many: c('#ff9800', 0.38), most: c('#ff3d3d', 0.45), edge: c('#9ff5e8', 0.8) },
  iconSizePixels: 26,
  labelSizePixels: 15,
  /** Each layer's colour in the legend. */
  layerSwatches: {
    stations: '#2fb4ff',
    checkpoints: '#4cff9a',
    alerts: '#ff2d55',
    gridEvents: '#ffb74d',
    assists: '#35e0ff',
    grids: '#38d9c0',
    patrols: '#c59bff',
  },
  /** Names and countdowns only near enough to read; far away the icons speak. */
  labelMaxRangeMeters: 45_000,
} as const;
