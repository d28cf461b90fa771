import { existsSync } from 'node:fs';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether that browser is installed here (browser suites are skipped, saying so, without it). */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** How the tests and benchmarks start it: headless, no sandbox (containers), nothing fetched from the network on its own. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** playwright-core's launch options for it. */
export const chromiumLaunchOptions = () => ({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
