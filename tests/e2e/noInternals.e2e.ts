/**
 * What leadership reads says nothing of how the system is built: no adapter kinds, internal ids
 * or programming leftovers (undefined, NaN, [object Object]) anywhere on the HUD or in a record's
 * details, in Chinese and in English.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './launchBrowser';
import { openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Words of the machine room: adapter kinds, the default source ids, and values that leaked unformatted. */
const INTERNALS = /\b(mock|backend|simulator|http|sse|websocket|undefined|null|NaN|Infinity)\b|\[object Object\]|mock-simulator/i;

describe.each(['zh', 'en'] as const)('the HUD in %s', (lang) => {
  it('shows no internals, on the screen or in an alert’s details', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: `?lang=${lang}&focus=off` });
    try {
      await session.page.getByTestId('ticker-item').first().waitFor({ timeout: 60_000 });
      await session.page.getByTestId('freshness').waitFor();
      await session.page.getByTestId('ticker-item').first().click();
      await session.page.getByTestId('detail-panel').waitFor({ timeout: 15_000 });
      const text = await session.page.evaluate(() => document.body.innerText);
      expect(text.match(INTERNALS)?.[0] ?? null).toBeNull();
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
