import { hostname } from 'node:os';
import { withOwnerConnection } from '@rustok/db';
import { connectNatsStreaming, deleteStreams } from '@rustok/events/nats';
import { deploymentNames, generateId } from '@rustok/kernel';
import { createThrowawayDatabase, testConfig } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BuiltProcess, killBuiltProcesses, startBuiltProcess } from './fixtures/built-process.js';

/**
 * A split deployment of server processes on one PostgreSQL database and one NATS: two `api`,
 * one `relay`, two `consumers` and one `jobs` process, events over JetStream. Products written
 * through both APIs reach the storefront search; a consumer killed mid-stream loses nothing and
 * applies nothing twice; without a relay the outbox grows and drains after a relay comes back; the
 * jobs run only in the jobs process; every role stops cleanly on SIGTERM.
 */
const { urls, skipped } = inject('services');
const missing = [skipped.postgres && `postgres: ${skipped.postgres}`, skipped.nats && `nats: ${skipped.nats}`].filter(Boolean).join('; ');
const title = `a deployment split by roles across processes [postgres + nats${missing ? `: skipped, ${missing}` : ''}]`;
const run = generateId().replace(/-/g, '').slice(-8);
const deployment = `roles${run}`;
const word = `rolesword${run}`;
const password = 'a long test password';
const FIRST = 40;
const BACKLOG = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
};

const json = async <T>(address: string, method: string, path: string, headers: Record<string, string>, body?: unknown) => {
  const res = await fetch(`${address}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
};

describe.skipIf(missing)(title, () => {
  let database: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  const processes: Record<string, BuiltProcess> = {};
  let owner: Record<string, string>;
  const query = <T>(sql: string, params: unknown[] = []) =>
    withOwnerConnection(database.url, async (c) => (await c.query<T & Record<string, unknown>>(sql, params)).rows);
  const count = async (sql: string, params: unknown[] = []) => Number((await query<{ n: string }>(sql, params))[0]?.n);
  const start = async (name: string, roles: string, extra: Record<string, string> = {}) => {
    processes[name] = await startBuiltProcess(name, roles, { ...env, ...extra });
  };

  beforeAll(async () => {
    database = await createThrowawayDatabase(urls.postgres ?? '');
    env = {
      DATABASE_URL: database.url,
      NATS_URL: urls.nats ?? '',
      RUSTOK_EVENT_TRANSPORT: 'nats',
      LOG_LEVEL: 'warn',
      RUSTOK_SERVER__HOST: '127.0.0.1',
      RUSTOK_SETTINGS__RUSTOK__DEPLOYMENT: deployment,
      RUSTOK_SETTINGS__RUSTOK__RATE_LIMIT__ENABLED: 'false',
      RUSTOK_SETTINGS__RUSTOK__EVENTS__RELAY_POLL_MS: '100',
      RUSTOK_SETTINGS__RUSTOK__EVENTS__NATS_ACK_WAIT_MS: '2000',
    };
    // The first one migrates and creates the platform administrator; the others start on that database.
    await start('api1', 'api', { RUSTOK_ADMIN_EMAIL: 'root@example.com', RUSTOK_ADMIN_PASSWORD: password });
    await Promise.all([start('api2', 'api'), start('relay', 'relay'), start('consumers1', 'consumers'), start('consumers2', 'consumers')]);
    owner = await ownerHeaders(processes.api1?.address ?? '');
  }, 90_000);

  afterAll(async () => {
    killBuiltProcesses();
    await sleep(200);
    await database?.drop();
    const names = deploymentNames({ ...testConfig().settings.rustok, deployment });
    const nats = await connectNatsStreaming({
      url: urls.nats ?? '',
      logger: pino({ level: 'silent' }),
      root: names.natsSubjectRoot,
      streamPrefix: names.natsStreamPrefix,
    });
    await deleteStreams(nats.jsm, nats.subjects).catch(() => {});
    await nats.close();
  }, 30_000);

  const ownerHeaders = async (address: string) => {
    const login = (tenant: string, email: string) =>
      json<{ accessToken: string }>(address, 'POST', '/api/v1/auth/login', { 'x-tenant-id': tenant }, { email, password });
    const admin = await login('default', 'root@example.com');
    const tenant = await json<{ tenant: { id: string } }>(
      address,
      'POST',
      '/api/v1/platform/tenants',
      { authorization: `Bearer ${admin.accessToken}` },
      { name: 'Shop', slug: `shop${run}`, owner: { email: 'owner@shop.example.com', password } },
    );
    const token = (await login(`shop${run}`, 'owner@shop.example.com')).accessToken;
    return { authorization: `Bearer ${token}`, 'x-tenant-id': tenant.tenant.id };
  };

  const writeProduct = (address: string, n: number) =>
    json<{ id: string }>(address, 'POST', '/api/v1/commerce/products', owner, {
      title: `Lamp ${word} ${n}`,
      status: 'published',
      variants: [{ title: 'One', sku: `ROLES-${run}-${n}`, prices: [{ amount: 1_000 + n, currencyCode: 'USD' }], inventory: 1 }],
    }).then((p) => p.id);

  const searched = async (address: string) => {
    const page = await json<{ items: { id: string }[] }>(address, 'GET', `/api/v1/store/products?q=${word}&limit=100`, {
      'x-tenant-id': owner['x-tenant-id'] ?? '',
    });
    return page.items.map((i) => i.id).sort();
  };

  const pending = () => count("SELECT count(*) AS n FROM sys_events WHERE status = 'pending'");
  const written: string[] = [];

  /** Events the storefront index's product consumer handled in a process, from its /metrics. */
  const indexHandled = async (name: string) => {
    const text = await (await fetch(`${processes[name]?.address}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('rustok_events_handler_duration_seconds_count{consumer="index.products"}'));
    return Number(line?.split(' ').at(-1) ?? 0);
  };

  it('makes products written through both APIs searchable, though one consumer process is killed mid-stream', async () => {
    const api = [processes.api1?.address ?? '', processes.api2?.address ?? ''];
    let handledByFirst = 0;
    for (let n = 0; n < FIRST; n += 2) {
      written.push(...(await Promise.all([writeProduct(api[0] ?? '', n), writeProduct(api[1] ?? '', n + 1)])));
      if (n === FIRST / 2) {
        await waitFor('the first consumer process handling', async () => (await indexHandled('consumers1')) > 0);
        handledByFirst = await indexHandled('consumers1');
        expect(await processes.consumers1?.stop('SIGKILL')).toBeNull();
      }
    }
    await waitFor('every product in the search of both APIs', async () => (await searched(api[1] ?? '')).length === FIRST);
    expect(await searched(api[0] ?? '')).toEqual([...written].sort());
    // The events the killed process had taken come back after the ack wait (2 s here) and are handled then.
    const indexReceipts = () =>
      count(
        `SELECT count(*) AS n FROM sys_event_receipts r JOIN sys_events e ON e.id = r.event_id
          WHERE r.consumer = 'index.products' AND e.envelope->>'type' = 'commerce.product.created' AND r.tenant_id = $1`,
        [owner['x-tenant-id']],
      );
    await waitFor('a receipt of the index for every product created', async () => (await indexReceipts()) >= FIRST);
    await sleep(2_500); // one more ack wait: a second handling would show up now
    expect(await indexReceipts()).toBe(FIRST);
    const doubled = await count(
      'SELECT count(*) AS n FROM (SELECT consumer, event_id FROM sys_event_receipts GROUP BY 1, 2 HAVING count(*) > 1) d',
    );
    expect(doubled).toBe(0);
    // The two processes shared the durable: each handled some of the events.
    expect(handledByFirst).toBeGreaterThan(0);
    expect(await indexHandled('consumers2')).toBeGreaterThan(0);
  }, 60_000);

  it('keeps events pending while no relay runs, and drains them when a relay starts again', async () => {
    expect(await processes.relay?.stop('SIGKILL')).toBeNull();
    const api = processes.api2?.address ?? '';
    for (let n = FIRST; n < FIRST + BACKLOG; n++) written.push(await writeProduct(api, n));
    await sleep(1_000);
    expect(await pending()).toBeGreaterThanOrEqual(BACKLOG);
    expect(await searched(api)).toHaveLength(FIRST);
    await start('relay', 'relay');
    await waitFor('the outbox drained', async () => (await pending()) === 0);
    await waitFor('the backlog searchable', async () => (await searched(api)).length === FIRST + BACKLOG);
    expect(await searched(api)).toEqual([...written].sort());
  }, 60_000);

  it('runs the periodic jobs in the jobs process only, each period once', async () => {
    expect(await count('SELECT count(*) AS n FROM sys_job_runs')).toBe(0);
    await start('jobs', 'jobs');
    await waitFor(
      'a statistics run',
      async () => (await count("SELECT count(*) AS n FROM sys_job_runs WHERE name = 'platform.statistics'")) === 1,
    );
    const runs = await query<{ name: string; slot: Date; started_at: Date }>('SELECT name, slot, started_at FROM sys_job_runs');
    for (const r of runs) expect(r.started_at.getTime(), r.name).toBeGreaterThanOrEqual(r.slot.getTime());
    // The run history names the process of every run (one row per job and period): all of them the jobs process.
    const history = await query<{ name: string; instance: string }>('SELECT name, instance FROM sys_job_history');
    expect(history.length).toBeGreaterThanOrEqual(runs.length);
    expect(new Set(history.map((h) => h.instance))).toEqual(new Set([`${hostname()}:${processes.jobs?.child.pid}`]));
  }, 30_000);

  it('answers health and metrics by role, and stops every role cleanly on SIGTERM', async () => {
    for (const [name, p] of Object.entries(processes).filter(([, p]) => p.child.exitCode === null && p.child.signalCode === null)) {
      const ready = await json<{ roles: string[] }>(p.address, 'GET', '/health/ready', {});
      expect(ready.roles, name).toEqual([name.replace(/\d$/, '')]);
      const metrics = await (await fetch(`${p.address}/metrics`)).text();
      expect(metrics, name).toContain(`rustok_process_roles{role="${ready.roles[0]}"} 1`);
      if (name !== 'api1' && name !== 'api2') expect((await fetch(`${p.address}/api/v1/store/products`)).status, name).toBe(404);
    }
    const exits = await Promise.all(
      Object.values(processes)
        .filter((p) => p.child.exitCode === null && p.child.signalCode === null)
        .map((p) => p.stop()),
    );
    expect(exits.every((code) => code === 0)).toBe(true);
  }, 30_000);
});
