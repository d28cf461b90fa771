import { connectNatsStreaming, deleteStreams } from '@rustok/events/nats';
import { deploymentNames, generateId } from '@rustok/kernel';
import { createTestPlatform, startTcpProxy, type TcpProxy, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const services = inject('services');
const redisUrl = services.urls.redis;
const natsUrl = services.urls.nats;

interface Report {
  status: string;
  checks: { name: string; critical: boolean; status: string; reason?: string }[];
  degradedReasons: string[];
}

const ready = async (platform: TestPlatform) => {
  const res = await platform.app.inject({ method: 'GET', url: '/health/ready' });
  return { status: res.statusCode, body: res.json<Report>() };
};

const waitFor = async (fn: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};

const proxyFor = (url: string, defaultPort: number) => {
  const target = new URL(url);
  return startTcpProxy(target.hostname, Number(target.port || defaultPort));
};

describe.skipIf(!redisUrl)(`readiness follows Redis${redisUrl ? '' : ` [redis: skipped, ${services.skipped.redis}]`}`, () => {
  let proxy: TcpProxy;
  let platform: TestPlatform;
  beforeAll(async () => {
    proxy = await proxyFor(redisUrl ?? '', 6379);
    platform = await createTestPlatform({ backend: { name: 'pglite' }, config: { redis: { url: `redis://127.0.0.1:${proxy.port}` } } });
  });
  afterAll(async () => {
    await platform?.close();
    await proxy?.close();
  });

  it('reports Redis as a non-critical check: ok, then degraded (still 200) while it is cut, then ok again', async () => {
    await waitFor(async () => (await ready(platform)).body.status === 'ok');
    const up = await ready(platform);
    expect(up.body.checks.find((c) => c.name === 'redis')).toMatchObject({ critical: false, status: 'ok' });

    await proxy.cut();
    await waitFor(async () => (await ready(platform)).body.status !== 'ok');
    const down = await ready(platform);
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('degraded');
    expect(down.body.checks.find((c) => c.name === 'redis')).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
    expect(down.body.degradedReasons.some((r) => r.startsWith('redis:'))).toBe(true);

    await proxy.restore();
    await waitFor(async () => (await ready(platform)).body.status === 'ok');
    expect((await ready(platform)).body.checks.find((c) => c.name === 'redis')).toMatchObject({ status: 'ok' });
  });
});

describe('readiness without Redis configured', () => {
  it('has no redis check', async () => {
    const platform = await createTestPlatform({ backend: { name: 'pglite' } });
    try {
      const { body } = await ready(platform);
      expect(body.checks.map((c) => c.name)).not.toContain('redis');
    } finally {
      await platform.close();
    }
  });
});

describe.skipIf(!natsUrl)(`readiness follows NATS${natsUrl ? '' : ` [nats: skipped, ${services.skipped.nats}]`}`, () => {
  let proxy: TcpProxy;
  let platform: TestPlatform;
  const deployment = `tr${generateId().replace(/-/g, '').slice(-8)}`;
  beforeAll(async () => {
    proxy = await proxyFor(natsUrl ?? '', 4222);
    platform = await createTestPlatform({
      backend: { name: 'pglite' },
      config: { nats: { url: `nats://127.0.0.1:${proxy.port}` }, settings: { rustok: { deployment, events: { transport: 'nats' } } } },
    });
  });
  afterAll(async () => {
    await platform?.close();
    await proxy?.close();
    const names = deploymentNames(platform.config.settings.rustok);
    const c = await connectNatsStreaming({
      url: natsUrl ?? '',
      logger: platform.logger,
      root: names.natsSubjectRoot,
      streamPrefix: names.natsStreamPrefix,
    });
    await deleteStreams(c.jsm, c.subjects).catch(() => {});
    await c.close();
  });

  it('reports NATS as a non-critical check: ok, then degraded (still 200) while it is cut, then ok again', async () => {
    await waitFor(async () => (await ready(platform)).body.status === 'ok');
    expect((await ready(platform)).body.checks.find((c) => c.name === 'events:nats')).toMatchObject({ critical: false, status: 'ok' });
    await proxy.cut();
    await waitFor(async () => (await ready(platform)).body.status !== 'ok');
    const down = await ready(platform);
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('degraded');
    expect(down.body.checks.find((c) => c.name === 'events:nats')).toMatchObject({ status: 'unavailable' });
    await proxy.restore();
    await waitFor(async () => (await ready(platform)).body.status === 'ok', 15_000);
  });
});
