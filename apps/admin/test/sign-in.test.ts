import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AdminHarness, describeInBrowser, startAdminHarness } from './browser.js';

// Signing in and out of the admin app in Chromium against the real server (see browser.ts).
describeInBrowser('admin app: sign in', (backend) => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await startAdminHarness(backend, { modules: [], manifestFile: false });
  }, 120_000);
  afterAll(() => h?.close());

  it('sends a visitor to the sign-in page, and refuses a wrong password with the server’s code', async () => {
    const page = await h.open('/admin/');
    await page.waitForURL('**/admin/sign-in');
    expect(await page.getByLabel('Shop or site').inputValue()).toBe('default');
    expect(await h.violations(page)).toEqual([]);
    await h.signIn(page, { email: h.admin.email, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('AUTH_INVALID_CREDENTIALS');
    await h.shot(page, 'sign-in');
    await page.close();
  });

  it('signs the administrator in, keeps the session over a reload, and signs out', async () => {
    const page = await h.open('/admin/sign-in');
    await h.signIn(page, h.admin);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    expect(page.url()).toBe(`${h.server.address}/admin/`);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(h.admin.email);
    expect(await page.locator('.permissions li').count()).toBeGreaterThan(0);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'home');
    await page.reload();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/admin/sign-in');
    await page.goto(`${h.server.address}/admin/`);
    await page.waitForURL('**/admin/sign-in');
    await page.close();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The wrong password's 401 is the one console error a browser logs by itself.
    expect(h.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
