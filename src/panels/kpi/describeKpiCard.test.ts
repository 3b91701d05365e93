import { describe, expect, it } from 'vitest';
import { kpiSeriesFixture } from '../../domain/entities/kpiSeriesFixture';
import { describeKpiCard, describeKpiCards } from './describeKpiCard';

const months = (thisYear: (number | null)[], lastYear: (number | null)[]) => thisYear.map((value, i) => ({ thisYear: value, lastYear: lastYear[i] ?? null }));
const twelve = <T>(values: T[], fill: T) => [...values, ...Array<T>(12 - values.length).fill(fill)];

const series = kpiSeriesFixture;

describe('describeKpiCard', () => {
  it('shows a drop in incidents as good news, down arrow, in the chosen language', () => {
    const card = describeKpiCard(series({}), 'zh-CN');
    expect(card).toMatchObject({ label: '边界有效警情', unit: '起', value: 125, arrow: '▼', tone: 'good', months: 2, source: '常山县公安局 · 平安边界·智慧安防' });
    expect(card.changePercent).toBeCloseTo(-50.4, 1);
    expect(describeKpiCard(series({}), 'en')).toMatchObject({ label: 'Border incidents', unit: 'cases', definition: 'Verified incidents' });
  });

  it('shows a falling resolution rate as bad news, and a rising one as good', () => {
    const rate = { betterWhen: 'higher', aggregation: 'mean', unit: { zh: '%', en: '%' } } as const;
    expect(describeKpiCard(series({ ...rate, months: months(twelve([90], null), twelve([100], null)) }), 'zh-CN')).toMatchObject({ arrow: '▼', tone: 'bad' });
    expect(describeKpiCard(series({ ...rate, months: months(twelve([100], null), twelve([90], null)) }), 'zh-CN')).toMatchObject({ arrow: '▲', tone: 'good' });
  });

  it('says nothing about direction when last year’s base is zero or no month can be compared', () => {
    expect(describeKpiCard(series({ months: months(twelve([5], null), twelve([0], null)) }), 'zh-CN')).toMatchObject({ changePercent: null, arrow: '', tone: 'neutral', value: 5 });
    expect(describeKpiCard(series({ months: months(twelve([], null), twelve([], 10)) }), 'zh-CN')).toMatchObject({ changePercent: null, value: null, months: 0, tone: 'neutral' });
    expect(describeKpiCard(series({ months: months(twelve([0], null), twelve([0], null)) }), 'zh-CN')).toMatchObject({ changePercent: 0, arrow: '', tone: 'neutral' });
  });

  it('makes one card per metric from the border-wide figure, not one per side of the border', () => {
    const cards = describeKpiCards(
      [series({}), series({ id: 'kpi-border-incidents-jx', scope: 'side', province: 'jx' }), series({ id: 'kpi-border-incidents-zj', scope: 'side' })],
      'zh-CN',
    );
    expect(cards.map((c) => c.id)).toEqual(['kpi-border-incidents']);
  });

  it('keeps the decimals the figure was published with', () => {
    expect(describeKpiCard(series({ changeDecimals: 2 }), 'zh-CN').changeDecimals).toBe(2);
    expect(describeKpiCard(series({}), 'zh-CN').changeDecimals).toBe(1);
  });

  it('puts the metrics the reports lead with first', () => {
    const cards = describeKpiCards(
      [series({ metricId: 'dispute-incidents', label: { zh: '纠纷类警情', en: 'Disputes' } }), series({ metricId: 'border-incidents' })],
      'zh-CN',
      ['border-incidents', 'dispute-incidents'],
    );
    expect(cards.map((c) => c.label)).toEqual(['边界有效警情', '纠纷类警情']);
  });
});
