import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { connectNatsStreaming, deleteStreams } from '@rustok/events/nats';
import { indexModule } from '@rustok/index';
import { deploymentNames, generateId } from '@rustok/kernel';
import { createTestPlatform, type TestPlatform, testConfig } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * Two deployments (two platforms with their own databases and deployment names) on one Redis and
 * one NATS. Were their names shared, the second would read the first one's cached tenants from
 * Redis and take over its streams and durable consumers (so the first one's events would be
 * handled against the wrong database, or not at all).
 */
const { urls, skipped } = inject('services');
const missing = [!urls.redis && `redis: ${skipped.redis}`, !urls.nats && `nats: ${skipped.nats}`].filter(Boolean).join('; ');
const run = generateId().replace(/-/g, '').slice(-8);
const word = `sharedword${run}`;

const deploymentConfig = (deployment: string) => ({
  redis: { url: urls.redis },
  nats: { url: urls.nats },
  settings: { rustok: { deployment, events: { transport: 'nats', relay_poll_ms: 100 } } },
});

/** A NATS connection with a deployment's names (its streams are ensured, so they can be read or deleted). */
const connectAs = (deployment: string) => {
  const names = deploymentNames({ ...testConfig().settings.rustok, deployment });
  return connectNatsStreaming({
    url: urls.nats ?? '',
    logger: pino({ level: 'silent' }),
    root: names.natsSubjectRoot,
    streamPrefix: names.natsStreamPrefix,
  });
};

describe.skipIf(missing)(`two deployments on one Redis and one NATS${missing ? ` [skipped: ${missing}]` : ''}`, () => {
  const deployments = [`ta${run}`, `tb${run}`];
  const platforms: TestPlatform[] = [];
  const admins: Record<string, string>[] = [];
  let firstStreamsBefore: Record<string, string[]>;

  const streamsOf = async (deployment: string) => {
    const c = await connectAs(deployment);
    try {
      const out: Record<string, string[]> = {};
      for (const name of Object.values(c.subjects.streams)) out[name] = (await c.jsm.streams.info(name)).config.subjects ?? [];
      const durables = (await c.jsm.consumers.list(c.subjects.streams.domain).next()).map((info) => info.name);
      return { subjects: out, durables };
    } finally {
      await c.close();
    }
  };

  beforeAll(async () => {
    for (const deployment of deployments) {
      const p = await createTestPlatform({
        backend: { name: 'pglite' },
        modules: [contentModule, commerceModule, indexModule],
        config: deploymentConfig(deployment),
      });
      platforms.push(p);
      const { headers } = await p.userWithToken((await p.defaultTenant()).id, ['admin']);
      // The tenant by its slug: resolved through the tenant cache, whose Redis tier both share.
      admins.push({ ...headers, 'x-tenant-id': 'default' });
      if (platforms.length === 1) firstStreamsBefore = (await streamsOf(deployment)).subjects;
    }
  }, 120_000);

  afterAll(async () => {
    for (const p of platforms) await p.close();
    for (const deployment of deployments) {
      const c = await connectAs(deployment);
      await deleteStreams(c.jsm, c.subjects).catch(() => {});
      await c.close();
    }
  });

  const create = async (p: TestPlatform, headers: Record<string, string>, n: number) => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/v1/commerce/products',
      headers,
      payload: {
        title: `Lamp ${word} ${n}`,
        status: 'published',
        variants: [{ title: 'One', sku: `DPL-${run}-${n}`, prices: [{ amount: 1000, currencyCode: 'USD' }], inventory: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  const search = async (p: TestPlatform) => {
    const res = await p.app.inject({ url: `/api/v1/store/products?q=${word}&limit=50`, headers: { 'x-tenant-id': 'default' } });
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ items: { id: string }[] }>()
      .items.map((i) => i.id)
      .sort();
  };

  const until = async (probe: () => Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it("makes each one's product writes searchable in its own storefront only", async () => {
    const written: string[][] = [];
    for (const [i, p] of platforms.entries()) {
      const headers = admins[i] ?? {};
      written.push([await create(p, headers, i * 10 + 1), await create(p, headers, i * 10 + 2), await create(p, headers, i * 10 + 3)]);
    }
    for (const [i, p] of platforms.entries()) {
      const own = [...(written[i] ?? [])].sort();
      await until(async () => (await search(p)).length >= own.length);
      expect(await search(p)).toEqual(own);
    }
  }, 60_000);

  it("leaves each one's NATS streams to it: other names, and the first one's streams as they were", async () => {
    const [first, second] = await Promise.all(deployments.map(streamsOf));
    expect(Object.keys(first?.subjects ?? {}).some((name) => Object.hasOwn(second?.subjects ?? {}, name))).toBe(false);
    expect(first?.subjects).toEqual(firstStreamsBefore);
    for (const subjects of Object.values(first?.subjects ?? {}))
      expect(subjects.every((s) => s.startsWith(`rustok-${deployments[0]}.`))).toBe(true);
    for (const [i, own] of [first, second].entries()) {
      expect(own?.durables.length).toBeGreaterThan(0);
      expect(own?.durables.every((name) => name.startsWith(`${deployments[i]}_`))).toBe(true);
    }
  });
});
