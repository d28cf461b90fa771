import type { Page } from 'playwright-core';
import { apiOf } from './api.js';
import type { AdminHarness } from './browser.js';

/**
 * A module's screens under test: the module switched on for the default tenant (by its operator),
 * the admin signed in on the welcome page, and the API client and operator headers for the test's
 * own calls.
 */
export const signedInWithModule = async (
  h: AdminHarness,
  module: string,
): Promise<{ api: ReturnType<typeof apiOf>; operator: Record<string, string>; page: Page }> => {
  const api = apiOf(h);
  const operator = { authorization: `Bearer ${await api.tokenOf('default', h.admin.email, h.admin.password)}`, 'x-tenant-id': 'default' };
  api.expectStatus(`${module} on`, await api.call('PUT', `/modules/${module}`, { enabled: true }, operator), 200);
  const page = await h.open('/admin/sign-in');
  await h.signIn(page, h.admin);
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  page.setDefaultTimeout(20_000);
  return { api, operator, page };
};
