import { deploymentNames, generateId, type TenantRef } from '@rustok/kernel';
import { connectSharedRedis, sharedRedisReady } from '@rustok/tenancy';
import { createTestPlatform, postgresSkipReason, type TestPlatform, testBackends } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

type Headers = Record<string, string>;

const postgres = testBackends().find((b) => b.name === 'postgres');
const redisUrl = inject('services').urls.redis;
const skipReason = !postgres ? postgresSkipReason() : !redisUrl ? inject('services').skipped.redis : undefined;
const title = 'rate limits shared by the instances of a deployment through Redis';

/** Instances of one deployment (its own name, so that runs sharing the Redis do not meet) with 5 requests a minute. */
const configOf = (deployment: string) => ({
  redis: { url: redisUrl },
  settings: { rustok: { deployment, rate_limit: { enabled: true, requests_per_minute: 5, login_attempts_per_minute: 10 } } },
});

describe.skipIf(skipReason !== undefined)(`${title} [postgres+redis${skipReason ? `: skipped, ${skipReason}` : ''}]`, () => {
  const deployment = `rl-${generateId().slice(-8)}`;
  let a: TestPlatform;
  let b: TestPlatform;
  let c: TestPlatform;
  let other: TestPlatform;
  let tenant: TenantRef;
  let user: Headers;
  let userId: string;
  let redis: ReturnType<typeof connectSharedRedis>;

  const modules = (instance: TestPlatform, headers: Headers = user) =>
    instance.app.inject({ method: 'GET', url: '/api/v1/modules', headers });
  const statuses = async (instance: TestPlatform, count: number, headers: Headers = user) => {
    const codes: number[] = [];
    for (let i = 0; i < count; i++) codes.push((await modules(instance, headers)).statusCode);
    return codes;
  };

  beforeAll(async () => {
    if (!postgres || !redisUrl) return;
    a = await createTestPlatform({ backend: postgres, config: configOf(deployment) });
    b = await createTestPlatform({ backend: postgres, shareDatabaseOf: a, config: configOf(deployment) });
    c = await createTestPlatform({ backend: postgres, shareDatabaseOf: a, config: configOf(deployment) });
    other = await createTestPlatform({ backend: postgres, shareDatabaseOf: a, config: configOf(`${deployment}-x`) });
    tenant = await a.createTenant(`rl-${generateId().slice(-10)}`);
    ({ headers: user, userId } = await a.userWithToken(tenant.id, ['admin']));
    redis = connectSharedRedis(redisUrl, { name: 'test', logger: pino({ level: 'silent' }) });
    expect(await sharedRedisReady(redis, 5_000)).toBe(true);
  });
  afterAll(async () => {
    redis?.disconnect();
    for (const instance of [other, c, b, a]) await instance?.close();
  });

  it('draws on one budget across three instances: 2 + 2 + 1 requests, then every instance refuses', async () => {
    expect(await statuses(a, 2)).toEqual([200, 200]);
    expect(await statuses(b, 2)).toEqual([200, 200]);
    const fifth = await modules(c);
    expect(fifth.statusCode).toBe(200);
    expect(fifth.headers['ratelimit-remaining']).toBe('0');
    for (const instance of [a, b, c]) {
      const res = await modules(instance);
      expect(res.statusCode, res.body).toBe(429);
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
  });

  it("keeps the counters under the deployment's prefix in Redis", async () => {
    const prefix = `${deploymentNames(a.config.settings.rustok).redisPrefix}:rate-limit`;
    expect(prefix).toBe(`rustok:${deployment}:rate-limit`);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys).toEqual([`${prefix}:${tenant.id}:api:user:${userId}`]);
    expect(Number(await redis.get(keys[0] ?? ''))).toBe(8); // 5 let through, 3 refused
  });

  it('gives another deployment on the same Redis a budget of its own', async () => {
    const res = await modules(other);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['ratelimit-remaining']).toBe('4');
  });

  it('shares per-tenant budgets only within the tenant: another tenant of the same deployment is untouched', async () => {
    const second = await a.createTenant(`rl-${generateId().slice(-10)}`);
    const headers = (await a.userWithToken(second.id, ['admin'])).headers;
    expect(await statuses(b, 5, headers)).toEqual([200, 200, 200, 200, 200]);
    expect((await modules(c, headers)).statusCode).toBe(429);
  });
});
