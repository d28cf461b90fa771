import { createEventBus } from '@rustok/events';
import { defineModule, type ModuleDefinition } from '@rustok/kernel';
import { createTestPlatform, type TestPlatform, testBackends } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pglite = testBackends().find((b) => b.name === 'pglite') ?? { name: 'pglite' as const };

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
};

/** A module whose handler records the tenants it saw created and whose job records its runs. */
const witnessModule = (seen: string[], runs: number[]): ModuleDefinition =>
  defineModule({
    slug: 'witness',
    name: 'Witness',
    description: 'what a process with some roles runs',
    version: '0.1.0',
    kind: 'optional',
    events: {
      emits: [],
      handles: [{ consumer: 'witness.tenants', types: ['tenancy.tenant.created'], handle: async (event) => void seen.push(event.id) }],
    },
    jobs: [{ name: 'tick', everyMs: 150, run: async (ctx) => void runs.push(ctx.slot.getTime()) }],
  });

const eventsFast = { settings: { rustok: { events: { relay_poll_ms: 50 } } } };
const rolesConfig = (roles: readonly string[]) => ({ ...eventsFast, server: { roles } });

const pendingEvents = async (platform: TestPlatform) =>
  Number((await platform.database.db.query<{ n: string }>("SELECT count(*) AS n FROM sys_events WHERE status = 'pending'")).rows[0]?.n);

const jobRuns = async (platform: TestPlatform) =>
  Number(
    (await platform.database.db.query<{ n: string }>("SELECT count(*) AS n FROM sys_job_runs WHERE name = 'witness.tick'")).rows[0]?.n,
  );

describe('a process with only the api role', () => {
  const seen: string[] = [];
  const runs: number[] = [];
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await createTestPlatform({ backend: pglite, modules: [witnessModule(seen, runs)], config: rolesConfig(['api']) });
  });
  afterAll(() => platform?.close());

  it('publishes into the outbox but runs no relay, no consumer and no job; a relay elsewhere delivers', async () => {
    await sleep(1_000);
    expect(await pendingEvents(platform)).toBeGreaterThan(0); // the default tenant's creation
    expect(seen).toEqual([]);
    expect(runs).toEqual([]);
    expect(await jobRuns(platform)).toBe(0);
    // Another process (here a bus over the same database) with the relay role.
    const relay = createEventBus({
      settings: platform.config.settings.rustok.events,
      db: platform.database.db,
      modules: platform.registry.modules,
      logger: pino({ level: 'silent' }),
      runs: { relay: true, consumers: false },
    });
    await relay.start();
    try {
      await waitFor('the outbox drained', async () => (await pendingEvents(platform)) === 0);
    } finally {
      await relay.stop();
    }
    expect(seen).toHaveLength(1);
  });

  it('serves the API and reports its roles in readiness and metrics', async () => {
    const ready = await platform.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ roles: ['api'] });
    expect(ready.json<{ checks: { name: string }[] }>().checks.map((c) => c.name)).not.toContain('events:outbox');
    expect((await platform.app.inject({ method: 'GET', url: '/swagger/json' })).statusCode).toBe(200);
    const metrics = (await platform.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('rustok_process_roles{role="api"} 1');
    expect(metrics).toContain('rustok_process_roles{role="relay"} 0');
    expect(metrics).toContain('rustok_process_roles{role="jobs"} 0');
  });
});

describe('a process without the api role', () => {
  const seen: string[] = [];
  const runs: number[] = [];
  let platform: TestPlatform;

  beforeAll(async () => {
    const config = rolesConfig(['relay', 'consumers', 'jobs']);
    platform = await createTestPlatform({ backend: pglite, modules: [witnessModule(seen, runs)], config });
  });
  afterAll(() => platform?.close());

  it('answers liveness, readiness with its roles and checks, and metrics', async () => {
    expect((await platform.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await platform.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    const report = ready.json<{ roles: string[]; checks: { name: string }[] }>();
    expect(report.roles).toEqual(['relay', 'consumers', 'jobs']);
    expect(report.checks.map((c) => c.name)).toEqual(['database', 'events:outbox']);
    const metrics = await platform.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('rustok_process_roles{role="api"} 0');
    expect(metrics.body).toContain('rustok_process_roles{role="consumers"} 1');
    expect(metrics.body).toContain('rustok_events_outbox_backlog');
  });

  it.each([
    ['GET', '/swagger/json'],
    ['GET', '/api/v1/store/products'],
    ['POST', '/api/v1/graphql'],
    ['GET', '/admin/'],
    ['GET', '/.well-known/jwks.json'],
    ['GET', '/'],
  ] as const)('answers %s %s with a 404 problem', async (method, url) => {
    const res = await platform.app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('runs the relay, the consumers and the jobs', async () => {
    await waitFor('the outbox drained', async () => (await pendingEvents(platform)) === 0);
    expect(seen).toHaveLength(1);
    await waitFor('a job run', async () => runs.length > 0 && (await jobRuns(platform)) === 1);
  });
});

describe('the consumer filter (server.consumers)', () => {
  it('is refused with the outbox transport, where the relay hands each event to every consumer of its process', async () => {
    await expect(createTestPlatform({ backend: pglite, config: { server: { consumers: ['index.*'] } } })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('server.consumers (index.*) needs settings.rustok.events.transport nats'),
    });
  });
});
