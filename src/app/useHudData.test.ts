import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { computed, effectScope, nextTick, ref } from 'vue';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import type { Language } from '../domain/appConfig';
import type { Alert } from '../domain/entities/alert';
import { kpiSeriesFixture } from '../domain/entities/kpiSeriesFixture';
import type { DutyFilters } from '../panels/duty/describeDutyQueue';
import type { LegendEntry } from '../panels/MapLegend.vue';
import { useEntityStore } from '../stores/entityStore';
import { useHudData } from './useHudData';
import { useRegionTexts } from './useRegionTexts';
import { useShownRecords } from './useShownRecords';

const alert = (id: string, severity: Alert['severity'], minute: number): Alert =>
  ({
    id, version: 1, updatedAt: `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z`, province: 'zj', county: '330822', town: 'qiuchuan', position: [118.35, 28.83], source: 'test',
    severity, watchlist: '在逃人员', subject: { type: 'vehicle', plate: '赣E·A1234' },
    hit: { at: `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z`, via: 'camera', deviceId: 'c', deviceName: '球川卡口' },
    controlSide: 'jx', hitSide: 'zj', controlStationId: 's', status: 'new', statusTimes: { new: '2026-11-23T10:00:00Z' },
  }) as Alert;

function setUp() {
  const entities = useEntityStore();
  const region = ref(loadTestRegion());
  const language = ref<Language>('zh-CN');
  const sceneFilters = ref<DutyFilters | null>(null);
  const layerEntries = ref<LegendEntry[]>([{ id: 'alerts', label: '', color: '#f00', kind: 'dot', count: 2, active: true }]);
  const playback = { revision: ref(0), reader: computed(() => entities.raw) };
  const scope = effectScope();
  const hud = scope.run(() => {
    const shown = useShownRecords({ revisions: entities.revisions, playback });
    const texts = useRegionTexts(region, language);
    return useHudData({
      shown, texts, region, language, now: ref(new Date('2026-11-23T10:30:00Z')), sceneFilters, stationName: (id) => id, layerEntries,
      legendStyle: () => ({ contextColor: '#333', borderColor: '#fff', contextLabel: '周边', borderLabel: '省界' }),
    });
  })!;
  return { entities, hud, sceneFilters, language, scope };
}

describe('useHudData', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('lists alerts newest first, follows the store at most once a second, and narrows to a scene’s filters', async () => {
    const { entities, hud, sceneFilters, scope } = setUp();
    entities.applyChanges([{ seq: 1, kind: 'alert', op: 'upsert', record: alert('minor', 2, 1) }]);
    await nextTick();
    expect(hud.ticker.value.map((item) => item.id)).toEqual(['minor']);
    entities.applyChanges([{ seq: 2, kind: 'alert', op: 'upsert', record: alert('severe', 4, 2) }]);
    await nextTick();
    expect(hud.ticker.value.map((item) => item.id)).toEqual(['minor']);
    vi.advanceTimersByTime(1000);
    expect(hud.ticker.value.map((item) => item.id)).toEqual(['severe', 'minor']);
    sceneFilters.value = { minSeverity: 3, sides: [], towns: [] };
    expect(hud.ticker.value.map((item) => item.id)).toEqual(['severe']);
    scope.stop();
  });

  it('shows the chosen metric’s border-wide trend with each county beside it, and the first card’s by default', async () => {
    const { entities, hud, scope } = setUp();
    const border = kpiSeriesFixture();
    const disputes = kpiSeriesFixture({ metricId: 'dispute-incidents' });
    const sides = ['zj', 'jx'].map((province) => kpiSeriesFixture({ id: `kpi-border-incidents-${province}`, scope: 'side', province, county: province === 'zj' ? '330822' : '361123' }));
    entities.applyChanges([border, disputes, ...sides].map((record, i) => ({ seq: i + 1, kind: 'kpiSeries' as const, op: 'upsert' as const, record })));
    await nextTick();
    expect(hud.kpiCards.value.map((card) => card.id)).toEqual(['kpi-border-incidents', 'kpi-dispute-incidents']);
    expect(hud.trendSeries.value?.id).toBe('kpi-border-incidents');
    expect(hud.trendSides.value.map((side) => side.name)).toEqual(['常山县', '玉山县']);
    hud.chooseMetric('dispute-incidents');
    expect(hud.trendSeries.value?.id).toBe('kpi-dispute-incidents');
    hud.chooseMetric('no-such-metric');
    expect(hud.trendSeries.value?.id).toBe('kpi-dispute-incidents');
    scope.stop();
  });

  it('writes the legend in the screen’s language: each province with its county, the border, then the layers', () => {
    const { hud, language, scope } = setUp();
    expect(hud.legend.value.map((entry) => entry.label)).toEqual(['浙江省 常山县', '江西省 玉山县', '周边', '省界', '布控预警']);
    language.value = 'en';
    expect(hud.legend.value[0]!.label).toMatch(/Zhejiang/);
    expect(hud.legend.value.at(-1)).toMatchObject({ id: 'alerts', label: 'Watchlist alerts', count: 2, active: true });
    scope.stop();
  });
});
