/**
 * The HUD on the mock backend: KPI cards with their year-on-year change as the reports give it,
 * the definition and source one click away, the monthly trend drawn natively, text legible at
 * 1080p, and the whole HUD in English with `lang=en`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { computeYearOnYear } from '../../src/domain/entities/yearOnYear';
import type { KpiSeriesInput } from '../../src/domain/entities/kpiSeries';
import { formatChangePercent } from '../../src/panels/format';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
const outputDir = join(import.meta.dirname, '..', 'output');
let browser: Browser;

const kpis = async () =>
  ((await (await fetch(`${baseUrl}api/v1/snapshot?kinds=kpiSeries`)).json()) as { records: { record: KpiSeriesInput }[] }).records.map((r) => r.record);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the HUD at 1920×1080 in Chinese', () => {
  let session: DashboardSession;
  beforeAll(async () => {
    session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080 });
    await session.page.getByTestId('kpi-card').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows every KPI with its year-on-year change, a drop in incidents in the good colour', async () => {
    const series = await kpis();
    const cards = session.page.getByTestId('kpi-card');
    // One card per metric: the border-wide figure, not each side's share of it.
    const headlines = series.filter((s) => s.scope !== 'side');
    expect(headlines.length).toBeLessThan(series.length);
    await expect(cards.count()).resolves.toBe(headlines.length);
    const border = headlines.find((s) => s.metricId === 'border-incidents')!;
    const change = computeYearOnYear(border.months, border.aggregation).changePercent;
    const first = cards.first();
    await expect(first.innerText()).resolves.toContain('边界有效警情');
    // As the report printed it: one decimal.
    await expect(first.getByTestId('kpi-change').innerText()).resolves.toContain('-50.4%');
    expect(formatChangePercent(change, 'zh-CN', border.changeDecimals)).toBe('-50.4%');
    expect(change!).toBeLessThan(0);
    const colour = await first.getByTestId('kpi-change').evaluate((node) => getComputedStyle(node).color);
    const good = await session.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--hud-good').trim());
    expect(colour).toBe(`rgb(${[1, 3, 5].map((i) => Number.parseInt(good.slice(i, i + 2), 16)).join(', ')})`);
  });

  it('opens a KPI’s definition and source with a click', async () => {
    const series = await kpis();
    const dispute = series.find((s) => s.metricId === 'dispute-incidents')!;
    await session.page.getByTestId('kpi-card').filter({ hasText: dispute.label.zh }).click();
    const drawer = session.page.getByTestId('kpi-drawer');
    await expect(drawer.innerText()).resolves.toContain(dispute.definition.zh);
    await expect(drawer.innerText()).resolves.toContain(dispute.provenance.source);
    await expect(session.page.getByTestId('panel-trend').innerText()).resolves.toContain(dispute.label.zh);
  });

  it('compares the two sides of the border in the trend when both report the metric', async () => {
    const series = await kpis();
    const label = (metricId: string) => series.find((s) => s.metricId === metricId && s.scope !== 'side')!.label.zh;
    const title = session.page.getByTestId('kpi-trend-title');
    await session.page.getByTestId('kpi-card').filter({ hasText: label('border-incidents') }).click();
    await expect(title.innerText()).resolves.toMatch(/^边界有效警情 · 月度趋势 · 浙赣两侧$/);
    // A county-wide figure has no other side to compare with.
    await session.page.getByTestId('kpi-card').filter({ hasText: label('public-order-criminal-incidents') }).click();
    await expect(title.innerText()).resolves.toBe('治安刑事警情 · 月度趋势');
    await session.page.getByTestId('kpi-card').filter({ hasText: label('border-incidents') }).click();
    await session.page.getByTestId('kpi-drawer').getByRole('button').click();
  });

  it('draws the trend chart at its box’s own size, not scaled up', async () => {
    const canvas = session.page.getByTestId('kpi-trend').locator('canvas');
    await expect(canvas.count()).resolves.toBe(1);
    const size = await canvas.evaluate((node: HTMLCanvasElement) => ({ width: node.width, height: node.height, css: node.getBoundingClientRect() }));
    expect(size.width).toBe(Math.round(size.css.width));
    expect(size.height).toBe(Math.round(size.css.height));
    await session.page.screenshot({ path: join(outputDir, 'hud-1920x1080.png') });
  });

  it('sets no text in the HUD below 14 px, legible from across the room', async () => {
    const small = await session.page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('.hud')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const element = node.parentElement;
        if (!text || !element || element.getClientRects().length === 0) continue;
        const size = Number.parseFloat(getComputedStyle(element).fontSize);
        if (size < 14) found.push(`${size}px "${text.slice(0, 20)}"`);
      }
      return found;
    });
    expect(small).toEqual([]);
  });
});

describe('the live panels', () => {
  it('list alerts severity first with subjects masked, and fly to one when it is clicked', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080 });
    try {
      const items = session.page.getByTestId('ticker-item');
      await items.first().waitFor({ timeout: 30_000 });
      const text = await session.page.getByTestId('alert-ticker').innerText();
      // Masked: no full plate (province, letter, five characters) and no 18-digit ID or 11-digit mobile.
      expect(text).not.toMatch(/[\u4e00-\u9fa5][A-Z]·?[A-Z0-9]{5}/);
      expect(text).not.toMatch(/\d{17}[\dX]|1\d{10}/);
      // Waiting alerts first, the most severe on top and the newest within a severity; answered ones follow, newest first.
      const rows = await items.evaluateAll((nodes) =>
        nodes.map((node) => ({ at: Number(node.getAttribute('data-at')), severity: Number(node.getAttribute('data-severity')), waiting: node.getAttribute('data-status') === 'new' })),
      );
      const rank = (row: (typeof rows)[number]) => [row.waiting ? 0 : 1, row.waiting ? -row.severity : 0, -row.at];
      const ordered = [...rows].sort((a, b) => {
        const [ra, rb] = [rank(a), rank(b)];
        return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
      });
      expect(rows.map(rank)).toEqual(ordered.map(rank));
      const camera = () => session.page.evaluate(() => window.safeBorder!.worldToScreen([[118.36, 28.83, 0]])[0]);
      const before = await camera();
      await items.first().click();
      await expect(session.page.getByTestId('detail-panel').count()).resolves.toBe(1);
      await session.page.waitForTimeout(3500);
      expect(await camera()).not.toEqual(before);
    } finally {
      await session.close();
    }
  });

  it('show the closed loop, the assistance board and the town ranking from the backend', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080 });
    try {
      await session.page.getByTestId('loop-stage').first().waitFor({ timeout: 30_000 });
      await expect(session.page.getByTestId('loop-stage').count()).resolves.toBe(6);
      // The loop and all eleven categories count what the backend holds (events move on, so poll).
      const counts = (texts: string[]) => texts.map((text) => Number(/\d+/.exec(text.split('\n')[1] ?? text)?.[0]));
      await expect
        .poll(
          async () => {
            const events = (await (await fetch(`${baseUrl}api/v1/snapshot?kinds=gridEvent`)).json()) as { records: { record: { stage: string; category: string } }[] };
            const stages = ['discover', 'analyze', 'command', 'handle', 'feedback', 'closed'].map((stage) => events.records.filter((r) => r.record.stage === stage).length);
            const open = events.records.filter((r) => r.record.stage !== 'closed').length;
            const shownStages = counts(await session.page.getByTestId('loop-stage').allInnerTexts());
            const shownCategories = counts(await session.page.getByTestId('event-category').allInnerTexts());
            return { stages: shownStages.join() === stages.join(), categories: shownCategories.length, open: shownCategories.reduce((a, b) => a + b, 0) === open };
          },
          { timeout: 15_000, interval: 500 },
        )
        .toEqual({ stages: true, categories: 11, open: true });
      await expect(session.page.getByTestId('assist-board').count()).resolves.toBe(1);
      await expect(session.page.getByTestId('town-row').count()).resolves.toBeGreaterThan(0);
      // The source by its display name (the kind of source when config gives none), never its id.
      await expect(session.page.getByTestId('freshness').innerText()).resolves.toMatch(/联防业务平台/);
      await expect(session.page.getByTestId('freshness').locator('li').first().getAttribute('data-source')).resolves.toBe('backend');
    } finally {
      await session.close();
    }
  });
});

describe('the HUD with lang=en', () => {
  it('is in English: title, panels, legend, KPI labels and the date', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?lang=en' });
    try {
      await session.page.getByTestId('kpi-card').first().waitFor({ timeout: 30_000 });
      await expect(session.page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(session.page.getByTestId('title-bar').innerText()).resolves.toContain('Safe Border');
      await expect(session.page.getByTestId('panel-kpi').innerText()).resolves.toContain('Key indicators');
      await expect(session.page.getByTestId('kpi-card').first().innerText()).resolves.toContain('Border incidents');
      await expect(session.page.getByTestId('map-legend').innerText()).resolves.toContain('Provincial border');
      // The HUD's own words are English; records keep the language their backend wrote them in.
      const chrome = await session.page.evaluate(() =>
        [...document.querySelectorAll('.hud-panel__title, [data-testid="title-bar"], [data-testid="map-legend"], [data-testid="loop-stage"], [data-testid="freshness"]')].map((node) => (node as HTMLElement).innerText),
      );
      expect(chrome.join('\n')).not.toMatch(/[\u4e00-\u9fa5]{2}/);
      await session.page.getByTestId('ticker-item').first().click();
      await expect(session.page.getByTestId('detail-panel').innerText()).resolves.toMatch(/Severity[\s\S]*Control set by/);
      expect(session.consoleErrors).toEqual([]);
      expect(session.externalRequests).toEqual([]);
      expect(await session.cspViolations()).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('the diagnostics overlay', () => {
  it('opens with diag=1, shows each source’s state and the heap, and Ctrl+Shift+D closes it', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?diag=1&focus=off' });
    try {
      const overlay = session.page.getByTestId('diagnostics-overlay');
      await overlay.waitFor({ timeout: 30_000 });
      await expect.poll(() => session.page.getByTestId('diag-source').first().innerText(), { timeout: 30_000 }).toMatch(/^backend · live/);
      await expect(session.page.getByTestId('diag-heap').innerText()).resolves.toMatch(/^\d+\.\d MB$/);
      await session.page.keyboard.press('Control+Shift+D');
      await expect(overlay.count()).resolves.toBe(0);
      await session.page.keyboard.press('Control+Shift+D');
      await expect(overlay.count()).resolves.toBe(1);
    } finally {
      await session.close();
    }
  });
});
