/**
 * What a KPI card shows, from a KpiSeries: the value over the compared months, its year-on-year
 * change with an arrow, and whether that change is good news (fewer incidents is good, a lower
 * resolution rate is bad). Pure, so the rules are tested without a browser.
 */
import type { Language } from '../../domain/appConfig';
import type { KpiSeries } from '../../domain/entities/kpiSeries';
import { isImprovement } from '../../domain/entities/yearOnYear';

type KpiTone = 'good' | 'bad' | 'neutral';

export interface KpiCard {
  id: string;
  /** The metric (a deck's scene names it to put it on screen). */
  metricId: string;
  label: string;
  /** This year's figure over the compared months (a sum for counts, a mean for rates). */
  value: number | null;
  unit: string;
  changePercent: number | null;
  /** The decimals the change is published with. */
  changeDecimals: number;
  arrow: '▲' | '▼' | '';
  tone: KpiTone;
  months: number;
  definition: string;
  source: string;
}

const lang = (language: Language) => (language === 'en' ? 'en' : 'zh');

export function describeKpiCard(series: KpiSeries, language: Language): KpiCard {
  const { current, changePercent, months } = series.yearOnYear;
  const l = lang(language);
  const arrow = changePercent === null || changePercent === 0 ? '' : changePercent > 0 ? '▲' : '▼';
  const tone: KpiTone = changePercent === null || changePercent === 0 ? 'neutral' : isImprovement(changePercent, series.betterWhen) ? 'good' : 'bad';
  return {
    id: series.id,
    metricId: series.metricId,
    label: series.label[l],
    value: current,
    unit: series.unit[l],
    changePercent,
    changeDecimals: series.changeDecimals,
    arrow,
    tone,
    months,
    definition: series.definition[l],
    source: [series.provenance.source, series.provenance.system].filter(Boolean).join(' · '),
  };
}

/**
 * The cards in a stable order: the metrics the reports lead with first, then by label. A card is
 * the border-wide figure; the per-side series of the same metric feed the trend, not more cards.
 */
export function describeKpiCards(series: readonly KpiSeries[], language: Language, order: readonly string[] = []): KpiCard[] {
  const rank = (s: KpiSeries) => {
    const index = order.indexOf(s.metricId);
    return index === -1 ? order.length : index;
  };
  return series
    .filter((s) => s.scope === 'border')
    .sort((a, b) => rank(a) - rank(b) || a.label.zh.localeCompare(b.label.zh, 'zh-CN'))
    .map((s) => describeKpiCard(s, language));
}
