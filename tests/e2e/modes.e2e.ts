/**
 * The operating modes on the mock backend: the duty officer's acknowledgement reaches the
 * backend; wall and briefing screens never show an ID number, mobile number or plate whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Alert } from '../../src/domain/entities/alert';
import type { SceneDeck } from '../../src/domain/scenes/sceneDeck';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
const outputDir = join(import.meta.dirname, '..', 'output');
const deck = (id: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'decks', `${id}.json`), 'utf8')) as SceneDeck;
let browser: Browser;

const control = async (body: unknown) => (await (await fetch(`${baseUrl}api/v1/control`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json()) as { injected?: { id: string } };
const alerts = async () => ((await (await fetch(`${baseUrl}api/v1/snapshot?kinds=alert`)).json()) as { records: { record: Alert }[] }).records.map((r) => r.record);

/** An 18-digit ID number, an 11-digit mobile number, or a plate with all its characters. */
const UNMASKED = [/(?<!\d)\d{17}[\dXx](?!\d)/, /(?<!\d)1[3-9]\d{9}(?!\d)/, /[\u4e00-\u9fa5][A-Z][·•]?[A-Z0-9]{5,6}(?![A-Z0-9*])/];

/** Every text the page holds: what is shown, and what a tooltip or an accessible name would show. */
async function everyText(session: DashboardSession): Promise<string> {
  return session.page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const element of document.querySelectorAll('*')) {
      for (const name of ['title', 'aria-label', 'alt', 'placeholder', 'value']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('duty mode', () => {
  it('acknowledges an alert from the keyboard, and the backend has it acknowledged', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?mode=duty&focus=off' });
    try {
      const raised = await control({ inject: { kind: 'alert', severity: 2 } });
      const id = raised.injected!.id;
      const row = session.page.locator(`[data-testid="duty-row"][data-id="${id}"]`);
      await row.waitFor({ timeout: 15_000 });
      await expect(row.getAttribute('data-ack')).resolves.toBe('none');
      // No sound before the officer's first click (browsers forbid it): the screen says so, then arms.
      await expect(session.page.getByTestId('duty-arm-sound').count()).resolves.toBe(1);
      await row.click();
      await expect.poll(() => session.page.getByTestId('duty-arm-sound').count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => row.getAttribute('class')).toContain('duty__row--selected');
      await session.page.keyboard.press('Enter');
      await expect.poll(async () => (await alerts()).find((a) => a.id === id)?.status, { timeout: 10_000 }).toBe('acknowledged');
      await expect.poll(() => row.getAttribute('data-ack'), { timeout: 10_000 }).toBe('backend');
      // The mock takes write-back, so no screen-only note is shown.
      await expect(session.page.getByTestId('duty-local-note').count()).resolves.toBe(0);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('narrows the queue by severity and keeps the filter in the URL', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?mode=duty&focus=off' });
    try {
      await control({ inject: { kind: 'alert', severity: 1 } });
      await control({ inject: { kind: 'alert', severity: 3 } });
      await session.page.getByTestId('duty-row').first().waitFor({ timeout: 15_000 });
      await session.page.getByTestId('duty-severity').nth(2).click();
      await expect.poll(() => session.page.evaluate(() => new URL(window.location.href).searchParams.get('severity'))).toBe('3');
      const severities = await session.page.getByTestId('duty-row').evaluateAll((rows) => rows.map((row) => row.className.match(/duty__row--s(\d)/)?.[1]));
      expect(severities.length).toBeGreaterThan(0);
      expect(severities.every((s) => Number(s) >= 3)).toBe(true);
    } finally {
      await session.close();
    }
  });
});

describe('privacy on wall and briefing screens', () => {
  it('holds unmasked personal data on the backend, so the check below can fail', async () => {
    const all = (await alerts()).map((a) => JSON.stringify(a.subject)).join('\n');
    expect(UNMASKED.filter((pattern) => pattern.test(all))).toHaveLength(3);
  });

  for (const query of ['?mode=wall&focus=off', '?mode=briefing&focus=off']) {
    it(`shows no ID number, mobile number or plate whole anywhere in the page (${query})`, async () => {
      const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query });
      try {
        // A watchlisted person (name, ID number, phone) raised now, opened in the detail panel.
        let person: Alert | undefined;
        for (let attempt = 0; attempt < 12 && !person; attempt++) {
          const raised = await control({ inject: { kind: 'alert', severity: 2 } });
          person = (await alerts()).find((a) => a.id === raised.injected!.id && a.subject.idNumber && a.subject.phone);
        }
        expect(person, 'the simulator raised a person with an ID number and a phone').toBeDefined();
        const item = session.page.locator(`[data-testid="ticker-item"][data-id="${person!.id}"]`);
        await item.waitFor({ timeout: 15_000 });
        await item.click();
        await expect(session.page.getByTestId('detail-panel').innerText({ timeout: 10_000 })).resolves.toContain(person!.subject.idNumber!.slice(0, 6));
        const text = await everyText(session);
        expect(text).toMatch(/\*{4}/);
        for (const pattern of UNMASKED) expect(text.match(pattern)?.[0] ?? null, String(pattern)).toBeNull();
      } finally {
        await session.close();
      }
    });
  }
});

describe('wall mode', () => {
  it('tours its scenes on its own, with no cursor over the picture', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?mode=wall&dwell=8&focus=off' });
    try {
      const scene = () => session.page.evaluate(() => document.documentElement.dataset.scene ?? null);
      const tour = deck('wall-tour').scenes.map((s) => s.id);
      await expect.poll(scene, { timeout: 30_000 }).not.toBeNull();
      // Whichever scene is up, the next one in the deck follows on its own, looping at the end.
      const first = (await scene())!;
      const next = tour[(tour.indexOf(first) + 1) % tour.length];
      await expect.poll(scene, { timeout: 20_000 }).toBe(next);
      await expect(session.page.getByTestId('wall-tour').innerText()).resolves.toMatch(new RegExp(`\\d/${tour.length}`));
      await expect(session.page.evaluate(() => getComputedStyle(document.body).cursor)).resolves.toBe('none');
      await session.page.screenshot({ path: join(outputDir, 'mode-wall.png') });
      expect(session.consoleErrors).toEqual([]);
      expect(session.externalRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('briefing mode', () => {
  it('steps through the deck with a clicker’s PageDown and PageUp, from a start screen to an end screen', async () => {
    const story = deck('changshan-yushan');
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?mode=briefing&focus=off' });
    try {
      await session.page.getByTestId('briefing-start').waitFor({ timeout: 30_000 });
      await expect(session.page.getByTestId('briefing-start').innerText()).resolves.toContain(story.title.zh);
      const caption = session.page.getByTestId('briefing-caption');
      await session.page.keyboard.press('PageDown');
      await expect(caption.locator('h2').innerText()).resolves.toBe(story.scenes[0]!.title.zh);
      await session.page.keyboard.press('PageDown');
      await expect(caption.locator('h2').innerText()).resolves.toBe(story.scenes[1]!.title.zh);
      await expect(session.page.getByTestId('briefing-progress').innerText()).resolves.toBe(`2 / ${story.scenes.length}`);
      await expect(session.page.evaluate(() => new URL(window.location.href).searchParams.get('slide'))).resolves.toBe('2');
      await session.page.waitForTimeout(3000);
      await session.page.screenshot({ path: join(outputDir, 'mode-briefing.png') });
      await session.page.keyboard.press('PageUp');
      await expect(caption.locator('h2').innerText()).resolves.toBe(story.scenes[0]!.title.zh);
      await session.page.keyboard.press('End');
      await expect(session.page.getByTestId('briefing-end').count()).resolves.toBe(1);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('says what is wrong with a deck it cannot use, instead of a blank screen', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?mode=briefing&deck=no-such-deck&focus=off' });
    try {
      await expect(session.page.getByTestId('deck-problems').innerText({ timeout: 30_000 })).resolves.toMatch(/no-such-deck[\s\S]*HTTP 404/);
    } finally {
      await session.close();
    }
  });
});

describe('time playback', () => {
  it('shows the border as it was at the playhead, and returns to live with one click', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?focus=off' });
    try {
      // An alert raised now exists live, and did not exist a day ago.
      const raised = await control({ inject: { kind: 'alert', severity: 2 } });
      const id = raised.injected!.id;
      await session.page.waitForFunction((alertId) => window.safeBorder!.isDrawn('alerts', alertId), id, { timeout: 15_000 });
      await session.page.getByTestId('playback-open').click();
      await session.page.getByTestId('playback-24h').click();
      await session.page.getByTestId('playback-scrubber').waitFor({ timeout: 15_000 });
      const state = () => session.page.evaluate(() => window.safeBorder!.playback());
      const opened = await state();
      expect(opened.active).toBe(true);
      expect(opened.position).toBe(opened.fromMs);
      // What the screen holds at the playhead is what the backend had then.
      const from = new Date(opened.fromMs!).toISOString();
      const to = new Date(opened.fromMs! + 1000).toISOString();
      const past = (await (await fetch(`${baseUrl}api/v1/history?from=${from}&to=${to}&kinds=alert,gridEvent`)).json()) as { records: { kind: string }[] };
      expect(opened.counts.alert).toBe(past.records.filter((r) => r.kind === 'alert').length);
      expect(opened.counts.gridEvent).toBe(past.records.filter((r) => r.kind === 'gridEvent').length);
      await expect.poll(() => session.page.evaluate((alertId) => window.safeBorder!.isDrawn('alerts', alertId), id), { timeout: 10_000 }).toBe(false);
      await expect(session.page.getByTestId('playback-time').innerText()).resolves.toMatch(/回放中/);
      expect(await session.page.evaluate(() => new URL(window.location.href).searchParams.get('playback'))).toBe('24h');
      // Playing moves the playhead forward on its own.
      await session.page.getByTestId('playback-speed').selectOption('3600');
      await session.page.getByTestId('playback-play').click();
      await expect.poll(async () => (await state()).position! - opened.fromMs!, { timeout: 10_000 }).toBeGreaterThan(3_600_000);
      await session.page.screenshot({ path: join(outputDir, 'mode-playback.png') });
      await session.page.getByTestId('playback-live').click();
      await expect.poll(async () => (await state()).active).toBe(false);
      await expect.poll(() => session.page.evaluate((alertId) => window.safeBorder!.isDrawn('alerts', alertId), id), { timeout: 10_000 }).toBe(true);
      expect(await session.page.evaluate(() => new URL(window.location.href).searchParams.get('playback'))).toBeNull();
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
