/**
 * The border KPIs as the reports give them, and monthly series that reproduce them exactly:
 * 边界有效警情 −50.4 %, 治安刑事警情 −19.7 %, 纠纷类警情 −27.83 %, 边界四镇刑事治安警情 −12.8 %,
 * 涉企纠纷化解率 100 %, and interception 3.5× faster (封控拦截速度提升3.5倍).
 */
import type { KpiSeriesInput } from '../domain/entities/kpiSeries';

export interface KpiDefinition {
  metricId: string;
  label: KpiSeriesInput['label'];
  unit: KpiSeriesInput['unit'];
  definition: KpiSeriesInput['definition'];
  provenance: KpiSeriesInput['provenance'];
  betterWhen: KpiSeriesInput['betterWhen'];
  aggregation: KpiSeriesInput['aggregation'];
  /** The published year-on-year change, and how many decimals it was published with. */
  targetChangePercent: number;
  decimals: number;
  /** Counts: the smallest plausible total of last year's compared months. Rates: last year's mean. */
  base: number;
  /** Rates: this year's mean (the target change follows from it). */
  thisYearMean?: number;
  /** Relative weight of each calendar month (seasonality). */
  seasonality: readonly number[];
  /**
   * Counts reported for both sides of the border: the focus-province side's share last year and
   * this year (the other side has the rest), so the trend can compare the two sides.
   */
  sideShare?: { lastYear: number; thisYear: number };
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;
const SUMMER_PEAK = [0.8, 0.7, 0.9, 1, 1.1, 1.2, 1.3, 1.3, 1.1, 1, 0.9, 0.8] as const;

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    metricId: 'border-incidents',
    label: { zh: '边界有效警情', en: 'Border incidents' },
    unit: { zh: '起', en: 'cases' },
    definition: {
      zh: '常山、玉山交界区域接报并经核实的有效警情数，按月统计。',
      en: 'Verified police incidents reported in the Changshan–Yushan border area, per month.',
    },
    provenance: { source: '常山县公安局', system: '平安边界·智慧安防' },
    betterWhen: 'lower',
    aggregation: 'sum',
    targetChangePercent: -50.4,
    decimals: 1,
    base: 240,
    seasonality: SUMMER_PEAK,
    sideShare: { lastYear: 0.56, thisYear: 0.5 },
  },
  {
    metricId: 'public-order-criminal-incidents',
    label: { zh: '治安刑事警情', en: 'Public-order and criminal incidents' },
    unit: { zh: '起', en: 'cases' },
    definition: { zh: '全县治安类与刑事类警情合计，按月统计。', en: 'Public-order and criminal incidents county-wide, per month.' },
    provenance: { source: '常山县公安局', system: '情指行一体化平台' },
    betterWhen: 'lower',
    aggregation: 'sum',
    targetChangePercent: -19.7,
    decimals: 1,
    base: 900,
    seasonality: SUMMER_PEAK,
  },
  {
    metricId: 'dispute-incidents',
    label: { zh: '纠纷类警情', en: 'Dispute incidents' },
    unit: { zh: '起', en: 'cases' },
    definition: { zh: '以矛盾纠纷为警情类别的接报数，按月统计。', en: 'Incidents reported as disputes, per month.' },
    provenance: { source: '常山县公安局', system: '情指行一体化平台' },
    betterWhen: 'lower',
    aggregation: 'sum',
    targetChangePercent: -27.83,
    decimals: 2,
    base: 1200,
    seasonality: FLAT,
  },
  {
    metricId: 'border-towns-incidents',
    label: { zh: '边界四镇刑事治安警情', en: 'Criminal and public-order incidents, four border towns' },
    unit: { zh: '起', en: 'cases' },
    definition: {
      zh: '球川、白石、双明、岩瑞四镇的刑事与治安警情合计，按月统计。',
      en: 'Criminal and public-order incidents in Qiuchuan, Baishi, Shuangming and Yanrui, per month.',
    },
    provenance: { source: '常山县公安局、玉山县公安局', system: '平安边界·智慧安防' },
    betterWhen: 'lower',
    aggregation: 'sum',
    targetChangePercent: -12.8,
    decimals: 1,
    base: 220,
    seasonality: SUMMER_PEAK,
    sideShare: { lastYear: 0.52, thisYear: 0.55 },
  },
  {
    metricId: 'enterprise-dispute-resolution',
    label: { zh: '涉企纠纷化解率', en: 'Enterprise disputes resolved' },
    unit: { zh: '%', en: '%' },
    definition: { zh: '当月化解的涉企纠纷占受理涉企纠纷的比例。', en: 'Share of enterprise-related disputes resolved in the month.' },
    provenance: { source: '常山县委政法委', system: '跨省网格智慧治理系统' },
    betterWhen: 'higher',
    aggregation: 'mean',
    targetChangePercent: 4.3,
    decimals: 1,
    base: 95.9,
    thisYearMean: 100,
    seasonality: FLAT,
  },
  {
    metricId: 'interception-minutes',
    label: { zh: '封控拦截平均用时', en: 'Average interception time' },
    unit: { zh: '分钟', en: 'min' },
    definition: {
      zh: '从协查请求发出到目标被截获的平均用时；提速3.5倍即用时降至原来的1/3.5。',
      en: 'Average time from an assistance request to the interception; 3.5× faster means 1/3.5 of the time.',
    },
    provenance: { source: '常玉联合布控预警中心', system: '平安边界·智慧安防' },
    betterWhen: 'lower',
    aggregation: 'mean',
    targetChangePercent: -71.4,
    decimals: 1,
    base: 52.5,
    thisYearMean: 15,
    seasonality: FLAT,
  },
];
