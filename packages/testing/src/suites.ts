import type { ModuleDefinition, TenantRef } from '@rustok/kernel';
import { afterAll, beforeAll } from 'vitest';
import type { TestBackend } from './databases.js';
import { type Call, caller } from './http.js';
import { createTestPlatform, type TestPlatform } from './platform.js';

/** A platform with some modules and one tenant: the headers of its editor, of a customer, and of an anonymous visitor. */
export interface EditorialSuite {
  p: TestPlatform;
  tenant: TenantRef;
  editor: Record<string, string>;
  customer: Record<string, string>;
  anonymous: Record<string, string>;
}

/**
 * Opens the platform and the tenant `slug` before the suite's tests and closes it after them.
 * The fields are there once `beforeAll` has run (read them inside tests and hooks, not while declaring).
 */
export const editorialSuite = (backend: TestBackend, modules: readonly ModuleDefinition[], slug: string): EditorialSuite => {
  const suite = {} as EditorialSuite;
  beforeAll(async () => {
    const p = await createTestPlatform({ backend, modules });
    const tenant = await p.createTenant(slug);
    const editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    Object.assign(suite, { p, tenant, editor, customer, anonymous: { 'x-tenant-id': tenant.id } });
  });
  afterAll(() => suite.p?.close());
  return suite;
};

/** A platform with some modules, one tenant, a user of it holding `roles` (their headers), and a REST caller. */
export interface TenantSuite {
  p: TestPlatform;
  tenant: TenantRef;
  user: Record<string, string>;
  call: Call;
}

/** Opens the platform, the tenant `slug` and its user before the suite's tests and closes it after them. */
export const tenantSuite = (
  backend: TestBackend,
  modules: readonly ModuleDefinition[],
  slug: string,
  roles: readonly string[],
): TenantSuite => {
  const suite = {} as TenantSuite;
  beforeAll(async () => {
    const p = await createTestPlatform({ backend, modules });
    const tenant = await p.createTenant(slug);
    const user = (await p.userWithToken(tenant.id, [...roles])).headers;
    Object.assign(suite, { p, tenant, user, call: caller(p) });
  });
  afterAll(() => suite.p?.close());
  return suite;
};
