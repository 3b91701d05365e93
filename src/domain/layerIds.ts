/** The live layers the globe can show; the `layers=` URL parameter and config pick among them. */
export const LAYER_IDS = ['stations', 'checkpoints', 'alerts', 'gridEvents', 'assists', 'grids', 'patrols'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const isLayerId = (id: string): id is LayerId => (LAYER_IDS as readonly string[]).includes(id);

export const LAYER_LABELS: Record<LayerId, { zh: string; en: string }> = {
  stations: { zh: '警务站点', en: 'Stations' },
  checkpoints: { zh: '卡口检查站', en: 'Checkpoints' },
  alerts: { zh: '布控预警', en: 'Watchlist alerts' },
  gridEvents: { zh: '网格事件', en: 'Grid events' },
  assists: { zh: '跨省协查', en: 'Assistance requests' },
  grids: { zh: '跨省网格', en: 'Cross-province grids' },
  patrols: { zh: '巡逻轨迹', en: 'Patrols' },
};
