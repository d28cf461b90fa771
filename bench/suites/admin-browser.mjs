// Browser side of the admin suite: Debian's Chromium through playwright-core, a signed-in session
// put into each fresh browser context, time to interactive and frame times measured in the page.
import { CHROMIUM, chromiumLaunchOptions } from '@rustok/testing/chromium';
import { chromium } from 'playwright-core';

export { CHROMIUM };

const SESSION_KEY = 'rustok.admin.session';

export const launch = () => chromium.launch(chromiumLaunchOptions());

/** A fresh context (empty HTTP cache: a first visit) whose tabs start signed in with `session`. */
const contextWith = async (browser, session) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [SESSION_KEY, JSON.stringify(session)]);
  return context;
};

/**
 * Milliseconds from navigation start until `selector` is on the page and the main thread has had an
 * idle moment after it (the page answers input): the time to interactive of that screen.
 */
export const timeToInteractive = async (browser, session, url, selector) => {
  const context = await contextWith(browser, session);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { timeout: 60_000 });
    return await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5_000 })));
  } finally {
    await context.close();
  }
};

/**
 * Frame intervals (ms) for `durationMs`: idle (nothing scrolls: the baseline), then scrolling the
 * element `selector` by `step` px per frame (rows load as they come into view).
 */
export const scrollFrames = async (browser, session, url, selector, { durationMs, step }) => {
  const context = await contextWith(browser, session);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector(`${selector} tbody tr td`, { timeout: 60_000 });
    return await page.evaluate(
      ([sel, ms, px]) => {
        const el = document.querySelector(sel);
        const frames = (scroll) =>
          new Promise((resolve) => {
            const out = [];
            let last = performance.now();
            const end = last + ms;
            const tick = (now) => {
              out.push(now - last);
              last = now;
              if (scroll) el.scrollTop += px;
              if (now < end) requestAnimationFrame(tick);
              else resolve(out.slice(1));
            };
            requestAnimationFrame(tick);
          });
        return frames(false).then((idle) =>
          frames(true).then((scrolling) => ({
            idle,
            scrolling,
            scrolledPx: el.scrollTop,
            rowsLoaded: Number(el.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 1,
          })),
        );
      },
      [selector, durationMs, step],
    );
  } finally {
    await context.close();
  }
};
