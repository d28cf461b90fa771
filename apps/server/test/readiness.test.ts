import { createThrowawayDatabase, postgresSkipReason, startTcpProxy, type TcpProxy, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootPlatform, type Platform } from '../src/boot.js';

const postgres = testBackends().find((b) => b.name === 'postgres');
const title = 'readiness follows the database';

const ready = async (platform: Platform) => {
  const res = await platform.app.inject({ method: 'GET', url: '/health/ready' });
  return { status: res.statusCode, body: res.json<{ status: string; checks: { name: string; status: string; reason?: string }[] }>() };
};

const waitFor = async (fn: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
};

describe.skipIf(!postgres)(`${title} [postgres${postgres ? '' : `: skipped, ${postgresSkipReason()}`}]`, () => {
  let proxy: TcpProxy;
  let platform: Platform;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createThrowawayDatabase(postgres?.url ?? '');
    drop = scratch.drop;
    const target = new URL(scratch.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    target.host = `127.0.0.1:${proxy.port}`;
    platform = await bootPlatform({ environment: 'test', env: { DATABASE_URL: target.toString() }, modules: [], manifestFile: false });
  });
  afterAll(async () => {
    await platform?.app.close();
    await proxy?.close();
    await drop?.();
  });

  it('answers 200 while the database answers, 503 while it is unreachable, and 200 again when it returns', async () => {
    expect(await ready(platform)).toMatchObject({ status: 200, body: { status: 'ok' } });

    await proxy.cut();
    const down = await ready(platform);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.checks.find((c) => c.name === 'database')).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
    expect((await platform.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await platform.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);

    await proxy.restore();
    await waitFor(async () => (await ready(platform)).status === 200);
    expect((await ready(platform)).body.status).toBe('ok');
  });
});
