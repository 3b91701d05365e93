/**
 * What the HUD's panels show, from the shown records (live or playback): KPI cards and the trend
 * of the chosen one, the alert ticker (narrowed by a scene's filters), assistance requests, the
 * control orders with the day between the provinces, the town ranking, grid events and the legend.
 */
import { computed, ref, type Ref } from 'vue';
import type { Language } from '../domain/appConfig';
import type { Alert } from '../domain/entities/alert';
import type { RegionPack } from '../domain/regionPack';
import { type DutyFilters, matchesDutyFilters } from '../panels/duty/describeDutyQueue';
import { describeKpiCards } from '../panels/kpi/describeKpiCard';
import { type BorderSide, sidesOf } from '../panels/kpi/describeTrendLines';
import { describeLegend, type LegendStyle } from '../panels/describeLegend';
import { describeAlertTicker } from '../panels/live/describeAlertTicker';
import { describeAssistBoard } from '../panels/live/describeAssistBoard';
import { describeControlOrders } from '../panels/live/describeControlOrders';
import { describeGridEventSummary } from '../panels/live/describeGridEventSummary';
import { describeTownRanking } from '../panels/live/describeTownRanking';
import type { LegendEntry } from '../panels/MapLegend.vue';
import type { RegionTexts } from './useRegionTexts';
import type { ShownRecords } from './useShownRecords';

/** The metrics the reports lead with, in their order. */
const KPI_ORDER = ['border-incidents', 'public-order-criminal-incidents', 'dispute-incidents', 'border-towns-incidents', 'enterprise-dispute-resolution', 'interception-minutes'];

export interface HudDataDeps {
  shown: ShownRecords;
  texts: RegionTexts;
  region: Ref<RegionPack | null>;
  language: Ref<Language>;
  /** The time the screen shows: the clock live, the playhead in playback. */
  now: Ref<Date>;
  /** A scene may narrow what the alert panel lists (the briefing's 一地布控 scene: severity 3 and up). */
  sceneFilters: Ref<DutyFilters | null>;
  stationName(id: string): string;
  layerEntries: Ref<LegendEntry[]>;
  legendStyle: () => LegendStyle;
}

function* filtered(alerts: Iterable<Alert>, filters: DutyFilters | null): Generator<Alert> {
  for (const alert of alerts) if (!filters || matchesDutyFilters(alert, filters)) yield alert;
}

export function useHudData(deps: HudDataDeps) {
  const { live } = deps.shown;
  const key = deps.texts.textKey;
  const chosenKpi = ref<string | null>(null);
  /** KPIs as the shown store holds them (in playback, the series as they were then). */
  const kpiSeries = live((entities) => [...entities.each('kpiSeries')]);
  const kpiCards = computed(() => describeKpiCards(kpiSeries.value, deps.language.value, KPI_ORDER));
  /** The trend shows the chosen KPI, else the first card's, side by side when both sides report it. */
  const trendSeries = computed(() => kpiSeries.value.find((s) => s.id === (chosenKpi.value ?? kpiCards.value[0]?.id)) ?? null);
  const trendSides = computed<BorderSide[]>(() => {
    const pack = deps.region.value;
    const border = trendSeries.value;
    if (!pack || !border) return [];
    return sidesOf(border, kpiSeries.value, pack.provinces.map((p) => p.id)).map((series) => ({
      series,
      name: pack.counties.find((c) => c.id === series.county)?.name[key.value] ?? deps.texts.provinceName(series.province),
      color: deps.texts.provinceColor(series.province),
    }));
  });
  return {
    chosenKpi,
    kpiSeries,
    kpiCards,
    trendSeries,
    trendSides,
    /** A scene names a metric: the trend shows its border-wide series. */
    chooseMetric(metricId: string): void {
      chosenKpi.value = kpiSeries.value.find((s) => s.metricId === metricId && s.scope === 'border')?.id ?? chosenKpi.value;
    },
    ticker: live((entities) => describeAlertTicker(filtered(entities.each('alert'), deps.sceneFilters.value))),
    assistRows: live((entities) => describeAssistBoard(entities.each('assistRequest'), deps.stationName, deps.now.value)),
    townRanking: live((entities) => {
      const pack = deps.region.value;
      return pack ? describeTownRanking(pack, { alerts: entities.each('alert'), events: entities.each('gridEvent'), assists: entities.each('assistRequest') }, key.value) : [];
    }),
    controlBoard: live((entities) => describeControlOrders(entities.each('controlOrder'), entities.each('alert'), deps.region.value?.provinces.map((p) => p.id) ?? [], deps.now.value)),
    eventSummary: live((entities) => describeGridEventSummary(entities.each('gridEvent'), deps.now.value, key.value)),
    legend: computed(() => describeLegend(deps.region.value, deps.layerEntries.value, key.value, deps.legendStyle())),
  };
}

export type HudData = ReturnType<typeof useHudData>;
