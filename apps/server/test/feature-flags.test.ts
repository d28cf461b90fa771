import { isFeatureOn, type TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, describeEachBackend, expectProblem, graphqlClient, ok, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

/** Per-tenant feature flags: set by staff, read through the tenant cache, public ones evaluated for storefronts. */
describeEachBackend('feature flags', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let adminA: Headers;
  let adminB: Headers;
  let editorA: Headers;
  const call: ReturnType<typeof caller> = (...args) => caller(p)(...args);
  const { data, codes } = graphqlClient(() => p);

  beforeAll(async () => {
    p = await createTestPlatform({ backend });
    a = await p.createTenant('flags-a');
    b = await p.createTenant('flags-b');
    adminA = (await p.userWithToken(a.id, ['admin'])).headers;
    adminB = (await p.userWithToken(b.id, ['admin'])).headers;
    editorA = (await p.userWithToken(a.id, ['editor'])).headers;
  });
  afterAll(async () => p?.close());

  // The list is read from the tenant the request resolved (the tenant cache): it shows each change at once.
  it('sets, lists and removes a tenant’s flags; the tenant cache serves the change at once', async () => {
    expect(await ok(call('GET', '/settings/feature-flags', adminA))).toEqual({ items: [] });
    const flag = { enabled: true, rollout: 25, public: true, description: 'New checkout summary' };
    expect(await ok(call('PUT', '/settings/feature-flags/checkout.summary', adminA, flag))).toEqual(flag);
    await ok(call('PUT', '/settings/feature-flags/admin-beta', adminA, { enabled: true }));
    expect(await ok(call('GET', '/settings/feature-flags', adminA))).toEqual({
      items: [
        { key: 'admin-beta', enabled: true },
        { key: 'checkout.summary', ...flag },
      ],
    });
    expect(await ok(call('DELETE', '/settings/feature-flags/admin-beta', adminA), 204)).toBeUndefined();
    expectProblem(await call('DELETE', '/settings/feature-flags/admin-beta', adminA), 404, 'FEATURE_FLAG_NOT_FOUND');
    expect((await ok<{ items: unknown[] }>(call('GET', '/settings/feature-flags', adminA))).items).toHaveLength(1);
  });

  it('evaluates public flags for a storefront subject, the same answer every time, staff-only flags never shown', async () => {
    await ok(call('PUT', '/settings/feature-flags/wishlist', adminA, { enabled: true, rollout: 50, public: true }));
    await ok(call('PUT', '/settings/feature-flags/internal.report', adminA, { enabled: true }));
    const anon = { 'x-tenant-id': a.id };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ok<{ flags: Record<string, boolean> }>(call('GET', `/store/feature-flags?subject=c-${i}`, anon)),
      ),
    );
    for (const answer of answers) expect(Object.keys(answer.flags).sort()).toEqual(['checkout.summary', 'wishlist']);
    const on = answers.filter((x) => x.flags.wishlist).length;
    expect(on).toBeGreaterThan(5);
    expect(on).toBeLessThan(35);
    const again = await ok<{ flags: Record<string, boolean> }>(call('GET', '/store/feature-flags?subject=c-7', anon));
    expect(again.flags.wishlist).toBe(answers[7]?.flags.wishlist);
    // A module reads the same flag through the tenant it was handed.
    const tenant = await p.database.db.query<{ settings: Record<string, unknown> }>('SELECT settings FROM tenants WHERE id = $1', [a.id]);
    expect(isFeatureOn({ settings: tenant.rows[0]?.settings ?? {} }, 'wishlist', 'c-7')).toBe(answers[7]?.flags.wishlist);
    // Without a subject a partial rollout is off.
    expect((await ok<{ flags: Record<string, boolean> }>(call('GET', '/store/feature-flags', anon))).flags.wishlist).toBe(false);
  });

  it('keeps each tenant’s flags its own, refuses malformed flags and callers without the permission', async () => {
    expect(await ok(call('GET', '/settings/feature-flags', adminB))).toEqual({ items: [] });
    expect(await ok(call('GET', '/store/feature-flags?subject=x', { 'x-tenant-id': b.id }))).toEqual({ flags: {} });
    expectProblem(await call('DELETE', '/settings/feature-flags/wishlist', adminB), 404, 'FEATURE_FLAG_NOT_FOUND');
    expectProblem(await call('PUT', '/settings/feature-flags/wishlist', adminA, { enabled: true, rollout: 101 }), 422, 'VALIDATION_FAILED');
    expectProblem(await call('PUT', '/settings/feature-flags/Bad%20Key', adminA, { enabled: true }), 422);
    expectProblem(await call('PUT', '/settings/feature-flags/x', adminA, { enabled: 'yes' }), 422, 'VALIDATION_FAILED');
    expectProblem(await call('PUT', '/settings/feature-flags/x', editorA, { enabled: true }), 403);
    expectProblem(await call('GET', '/settings/feature-flags', { 'x-tenant-id': a.id }), 401);
  });

  it('serves the same over GraphQL', async () => {
    const set = await data<{ key: string; rollout: number; public: boolean }>(
      'setFeatureFlag',
      adminB,
      'mutation { setFeatureFlag(key: "search.v2", input: { enabled: true, rollout: 100, public: true }) { key rollout public } }',
    );
    expect(set).toEqual({ key: 'search.v2', rollout: 100, public: true });
    expect(await data('featureFlags', adminB, '{ featureFlags { key enabled } }')).toEqual([{ key: 'search.v2', enabled: true }]);
    expect(await data('storeFeatureFlags', { 'x-tenant-id': b.id }, '{ storeFeatureFlags(subject: "s") { key on } }')).toEqual([
      { key: 'search.v2', on: true },
    ]);
    expect(await data('deleteFeatureFlag', adminB, 'mutation { deleteFeatureFlag(key: "search.v2") }')).toBe(true);
    expect(await codes(adminB, 'mutation { deleteFeatureFlag(key: "search.v2") }')).toEqual(['FEATURE_FLAG_NOT_FOUND']);
    expect(await codes(editorA, '{ featureFlags { key } }')).toEqual(['AUTH_FORBIDDEN']);
  });
});
