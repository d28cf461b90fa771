import { commerceModule } from '@rustok/commerce';
import type { TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, ok, type TestBackend, type TestPlatform } from '@rustok/testing';
import scriptingModule from '../src/index.js';
import type { Script } from '../src/schemas.js';
import type { Execution, RunReport } from '../src/schemas-runs.js';

export type Headers = Record<string, string>;

/**
 * Scripting settings of the test deployment: loopback reachable, queued runs looked for often, a short failure limit,
 * and the workers at the requests' priority (the suite shares its cores with other test files; a run's wall budget
 * must measure the script, not the machine's load). The priority itself: packages/sandbox/src/nice.test.ts.
 * Stepping aside (workers_slice_ms) stays at its default: it only costs a spinning script a little speed.
 */
export const TEST_SCRIPTING = {
  allow_networks: ['127.0.0.1/32'],
  workers_nice: 0,
  workers_idle: false,
  poll_ms: 20,
  max_consecutive_failures: 3,
  min_cron_interval_ms: 0,
};

export interface ScriptWorld {
  readonly p: TestPlatform;
  readonly tenant: TenantRef;
  readonly admin: Headers;
  readonly call: ReturnType<typeof caller>;
}

export const scriptWorld = async (backend: TestBackend, scripting: Record<string, unknown> = TEST_SCRIPTING): Promise<ScriptWorld> => {
  const p = await createTestPlatform({
    backend,
    modules: [commerceModule, scriptingModule],
    config: { settings: { rustok: { scripting } } },
  });
  const tenant = await p.createTenant(`scripts-${Date.now().toString(36)}`);
  const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  return { p, tenant, admin, call: caller(p) };
};

/** Another tenant of the same platform with its admin. */
export const otherTenant = async (w: ScriptWorld, slug: string): Promise<{ tenant: TenantRef; admin: Headers }> => {
  const tenant = await w.p.createTenant(slug);
  return { tenant, admin: (await w.p.userWithToken(tenant.id, ['admin'])).headers };
};

export const createScript = (w: ScriptWorld, body: Record<string, unknown>, admin: Headers = w.admin): Promise<Script> =>
  ok<Script>(w.call('POST', '/scripting/scripts', admin, body), 201);

export const run = (w: ScriptWorld, id: string, body: Record<string, unknown> = {}): Promise<RunReport> =>
  ok<RunReport>(w.call('POST', `/scripting/scripts/${id}/run`, w.admin, body));

export const dryRun = (w: ScriptWorld, id: string, body: Record<string, unknown> = {}): Promise<RunReport> =>
  ok<RunReport>(w.call('POST', `/scripting/scripts/${id}/dry-run`, w.admin, body));

export const executionsOf = async (w: ScriptWorld, id: string): Promise<Execution[]> =>
  (await ok<{ items: Execution[] }>(w.call('GET', `/scripting/scripts/${id}/executions?limit=100`, w.admin))).items;

/** A draft product of the tenant, through the catalog's API. */
export const createProduct = async (w: ScriptWorld, title: string, status = 'draft'): Promise<string> => {
  const body = {
    title,
    status,
    variants: [{ title: 'Default', sku: `SKU-${title.replace(/\W/g, '')}`, prices: [{ currencyCode: 'USD', amount: 1000 }] }],
  };
  return (await ok<{ id: string }>(w.call('POST', '/commerce/products', w.admin, body), 201)).id;
};

export { until } from '@rustok/testing';
