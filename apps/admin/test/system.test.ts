import { generateId } from '@rustok/kernel';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { failingBilling } from '../../server/test/fixtures/billing-module.js';
import { type AdminHarness, describeInBrowser, startAdminHarness } from './browser.js';

// The platform operator's system screen (Chromium, the real server): an event whose consumer fails
// every attempt shows up as a dead letter; a replay before the fix is refused with its code, a
// replay after it delivers the event and empties the list.
describeInBrowser('admin app: system', (backend) => {
  const billing = failingBilling();
  let h: AdminHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startAdminHarness(backend, {
      modules: [billing.module],
      manifestFile: false,
      overrides: { settings: { rustok: { events: { max_attempts: 2, backoff_base_ms: 1, backoff_max_ms: 2, relay_poll_ms: 50 } } } },
    });
    const { server } = h;
    const tenantId = server.defaultTenant().id;
    await server.db.transaction((tx) =>
      server.bus.publishInTx(tx, { type: 'billing.invoice.issued', tenantId, payload: { invoiceId: generateId() } }),
    );
    const deadline = Date.now() + 15_000;
    while ((await server.bus.stats()).deadLetters === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    page = await h.open('/admin/sign-in');
    await h.signIn(page, h.admin);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  it('shows the event counts and the dead letter with its error', async () => {
    await page.getByRole('link', { name: 'System', exact: true }).click();
    await page.getByRole('heading', { name: 'System', exact: true }).waitFor();
    const stats = await page.getByTestId('event-stats').textContent();
    expect(stats).toContain('Dead letters1');
    const letter = page.getByRole('row').filter({ hasText: 'billing.invoice.issued' }).filter({ hasText: 'smtp down' });
    expect(await letter.count()).toBe(1);
    expect(await letter.textContent()).toContain('billing.mailer');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'system');
  });

  it('refuses a replay while the consumer still fails, and delivers it after the fix', async () => {
    await page.getByRole('button', { name: /^Replay billing\.invoice\.issued/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('EVENTS_REPLAY_FAILED');
    billing.fix();
    await page.getByRole('button', { name: /^Replay billing\.invoice\.issued/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Replayed / })
      .waitFor();
    await page.getByText('No dead letters.').waitFor();
    expect((await h.server.bus.stats()).deadLetters).toBe(0);
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The refused replay's 409 is the one error answer the browser logs by itself.
    expect(h.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
