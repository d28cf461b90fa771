import { performance } from 'node:perf_hooks';
import { generateId, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, postgresSkipReason, type TestPlatform, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

type Headers = Record<string, string>;

const postgres = testBackends().find((b) => b.name === 'postgres');
const redisUrl = inject('services').urls.redis;
const skipReason = !postgres ? postgresSkipReason() : !redisUrl ? inject('services').skipped.redis : undefined;
const title = 'tenant cache invalidation across two instances';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls every 5 ms until the request answers `status`; returns the milliseconds it took from `since`. */
const msUntil = async (request: () => Promise<number>, status: number, since: number, timeoutMs = 5_000): Promise<number> => {
  for (;;) {
    const answered = await request();
    const now = performance.now();
    if (answered === status) return now - since;
    if (now - since > timeoutMs) throw new Error(`still ${answered} after ${timeoutMs} ms, waiting for ${status}`);
    await sleep(5);
  }
};

describe.skipIf(skipReason !== undefined)(`${title} [postgres+redis${skipReason ? `: skipped, ${skipReason}` : ''}]`, () => {
  let a: TestPlatform;
  let b: TestPlatform;
  let tenant: TenantRef;
  let superAdmin: Headers;
  let tenantAdmin: Headers;

  const onB = async (identifier: string) =>
    (await b.app.inject({ method: 'GET', url: '/api/v1/modules', headers: { ...tenantAdmin, 'x-tenant-id': identifier } })).statusCode;
  const patchOnA = async (body: Record<string, unknown>) => {
    const res = await a.app.inject({ method: 'PATCH', url: `/api/v1/platform/tenants/${tenant.id}`, headers: superAdmin, payload: body });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    if (!postgres || !redisUrl) return;
    a = await createTestPlatform({ backend: postgres, config: { redis: { url: redisUrl } } });
    b = await createTestPlatform({ backend: postgres, shareDatabaseOf: a, config: { redis: { url: redisUrl } } });
    tenant = await a.createTenant(`cache-${generateId().slice(-12)}`);
    superAdmin = (await a.userWithToken((await a.defaultTenant()).id, ['super_admin'])).headers;
    tenantAdmin = (await a.userWithToken(tenant.id, ['admin'])).headers;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("instance B serves the tenant from its cache (a change behind the platform API's back goes unseen)", async () => {
    expect(await onB(tenant.slug)).toBe(200);
    expect(await onB(tenant.id)).toBe(200);
    await a.database.db.query('UPDATE tenants SET is_active = false WHERE id = $1', [tenant.id]);
    try {
      await sleep(50);
      expect(await onB(tenant.slug)).toBe(200);
      expect(await onB(tenant.id)).toBe(200);
    } finally {
      await a.database.db.query('UPDATE tenants SET is_active = true WHERE id = $1', [tenant.id]);
    }
  });

  it('a deactivation through instance A reaches instance B in under 100 ms, and so does the re-activation', async () => {
    // Warm B under both keys.
    expect(await onB(tenant.slug)).toBe(200);
    expect(await onB(tenant.id)).toBe(200);

    const started = performance.now();
    await patchOnA({ isActive: false });
    const answered = performance.now();
    const offMs = await msUntil(() => onB(tenant.slug), 403, answered);
    console.log(
      `tenant deactivation seen by instance B ${offMs.toFixed(1)} ms after instance A answered the PATCH ` +
        `(${(answered - started + offMs).toFixed(1)} ms after it was sent)`,
    );
    expect(offMs).toBeLessThan(100);
    expect(await onB(tenant.id)).toBe(403);

    const restarted = performance.now();
    await patchOnA({ isActive: true });
    const reanswered = performance.now();
    const onMs = await msUntil(() => onB(tenant.slug), 200, reanswered);
    console.log(
      `tenant re-activation seen by instance B ${onMs.toFixed(1)} ms after instance A answered the PATCH ` +
        `(${(reanswered - restarted + onMs).toFixed(1)} ms after it was sent)`,
    );
    expect(onMs).toBeLessThan(100);
    expect(await onB(tenant.id)).toBe(200);
  });
});
