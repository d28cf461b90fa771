import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';
import { signedInWithModule } from './module-session.js';

// Access tokens in the admin app (Chromium, the real server): a token created with the read-only
// preset and the catalog mode, its secret shown once and accepted by the API with read-only
// permissions; then revoked after a question, and refused by the API from then on.
describeInEmbeddedBrowser('admin app: access tokens', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let secret = '';

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    ({ api, page } = await signedInWithModule(h, 'commerce'));
  }, 180_000);
  afterAll(() => h?.close());

  const asToken = () => api.call('GET', '/auth/me', undefined, { authorization: `Bearer ${secret}`, 'x-tenant-id': 'default' });

  it('creates a read-only token in catalog mode, its secret shown once with a copy button', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access tokens', exact: true }).click();
    await page.getByRole('heading', { name: 'Access tokens', exact: true }).waitFor();
    expect(await page.getByText('No access tokens yet.').count()).toBe(1);
    expect(await h.violations(page)).toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill('Claude Desktop');
    await page.getByRole('button', { name: 'Read-only preset' }).click();
    expect(await page.getByLabel('commerce.orders.read', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('commerce.orders.refund', { exact: true }).isChecked()).toBe(false);
    await page.getByRole('radio', { name: /catalog/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('status').filter({ hasText: 'Created the token Claude Desktop.' }).waitFor();
    secret = (await page.getByTestId('access-token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^rtk_pat_[A-Za-z0-9_-]{43}$/);
    expect(await page.getByRole('button', { name: 'Copy token' }).count()).toBe(1);
    expect(await page.getByText('you will not see it again').count()).toBe(1);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-access-token-secret');
    const me = api.expectStatus('me with the token', await asToken(), 200).body as { permissions: string[] };
    expect(me.permissions.length).toBeGreaterThan(0);
    expect(me.permissions.every((p) => /\.(read|read_own|view)$/.test(p))).toBe(true);
    await page.getByRole('button', { name: 'Done' }).click();
    // The secret leaves the page with the next render: waited for, not read at once.
    await page.getByTestId('access-token-secret').waitFor({ state: 'detached' });
    const row = page.getByTestId('access-tokens').getByRole('row').filter({ hasText: 'Claude Desktop' });
    await row.waitFor();
    expect(await row.getByText(/^read-only/).count()).toBe(1);
    expect(await row.getByText('catalog', { exact: true }).count()).toBe(1);
    expect(await row.getByTestId('token-state').textContent()).toBe('Active');
  });

  it('revokes the token after a question; the API refuses it from then on', async () => {
    await page.getByRole('button', { name: 'Revoke Claude Desktop' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Revoked the token Claude Desktop.' }).waitFor();
    const row = page.getByTestId('access-tokens').getByRole('row').filter({ hasText: 'Claude Desktop' });
    await row.getByTestId('token-state').filter({ hasText: 'Revoked' }).waitFor();
    expect(await page.getByRole('button', { name: 'Revoke Claude Desktop' }).count()).toBe(0);
    expect(await h.violations(page)).toEqual([]);
    expect(api.expectStatus('me with the revoked token', await asToken(), 401).body).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
  });
});
