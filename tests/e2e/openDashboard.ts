/**
 * Opens the dashboard in a fresh browser context and records what a reviewer would want to know:
 * console errors, page errors, CSP violations and every request that leaves the local server.
 */
import type { Browser, Page } from 'playwright-core';

export interface DashboardSession {
  page: Page;
  consoleErrors: string[];
  externalRequests: string[];
  /** Every URL the page asked for. */
  requests: string[];
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  query?: string;
  /** Wait for `data-ready="true"` (default) or not at all. */
  waitForReady?: boolean;
  readyTimeoutMs?: number;
}

export async function openDashboard(browser: Browser, baseUrl: string, options: OpenOptions = {}): Promise<DashboardSession> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1920, height: options.height ?? 1080 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  // Software WebGL on a busy 2-core machine takes seconds per frame at wall sizes: a click or a
  // screenshot waits for the next frame. The limit guards against a hang, it measures nothing.
  page.setDefaultTimeout(90_000);
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  // The console only says "404"; this says what.
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) externalRequests.push(url);
  });
  await page.addInitScript(() => {
    // The XSS trap: a payload that ever runs pushes its name here (tests/e2e/xss.e2e.ts).
    (window as unknown as { __xss: string[] }).__xss = [];
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  await page.goto(`${baseUrl}${options.query ?? ''}`);
  if (options.waitForReady !== false) {
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: options.readyTimeoutMs ?? 120_000 });
  }
  return {
    page,
    consoleErrors,
    externalRequests,
    requests,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    close: () => context.close(),
  };
}
