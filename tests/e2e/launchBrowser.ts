/**
 * Starts Debian's Chromium headless through playwright-core (never `playwright install`: that
 * downloads a browser, which an isolated network cannot do). WebGL runs on SwiftShader.
 */
import { type Browser, chromium } from 'playwright-core';
import { findChromium } from '../../scripts/setup.mjs';

export { findChromium };

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found: install Debian\'s `chromium` package or set CHROME_PATH (see README).');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      // Software WebGL: SwiftShader through ANGLE. Chromium only allows it when told to.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      // Keep Chromium's own traffic (updates, sync, field trials) off: the test network is closed.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-default-apps',
      '--mute-audio',
    ],
  });
}
