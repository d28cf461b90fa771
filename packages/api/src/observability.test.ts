import { generateId } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateModule, thingsModule } from './test-fixtures/things-module.js';

const latency = expect.any(Number);
/** The readiness checks and module states of a platform with the things module (its cache check degraded). */
const thingsReadyChecks = [
  { name: 'database', critical: true, status: 'ok', latencyMs: latency },
  { name: 'events:outbox', critical: false, status: 'ok', latencyMs: latency },
  { name: 'module:things:cache', critical: false, status: 'degraded', latencyMs: latency, reason: 'because' },
];
const thingsReadyModules = [
  { slug: 'events', status: 'ok' },
  { slug: 'tenancy', status: 'ok' },
  { slug: 'auth', status: 'ok' },
  { slug: 'platform', status: 'ok' },
  { slug: 'mcp', status: 'ok' },
  { slug: 'things', status: 'degraded' },
];

describeEachBackend('health endpoints', (backend) => {
  describe('with a failing non-critical module check', () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform({ backend, modules: [thingsModule] });
    });
    afterAll(async () => platform?.close());

    it('answers /health/live with 200 ok, without touching checks', async () => {
      const res = await platform.app.inject({ method: 'GET', url: '/health/live' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it('answers /health/ready with 200 degraded, naming the failing check and its module', async () => {
      const res = await platform.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      const report = res.json<{ checks: { latencyMs: number }[] }>();
      expect(report).toEqual({
        roles: ['api', 'relay', 'consumers', 'jobs'],
        status: 'degraded',
        checks: thingsReadyChecks,
        modules: thingsReadyModules,
        degradedReasons: ['module:things:cache: because'],
      });
      for (const check of report.checks) expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('lists modules with their version, kind and checks on /health/modules', async () => {
      const res = await platform.app.inject({ method: 'GET', url: '/health/modules' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        modules: [
          { slug: 'events', kind: 'core', version: '0.1.0', status: 'ok', checks: [] },
          { slug: 'tenancy', kind: 'core', version: '0.1.0', status: 'ok', checks: [] },
          { slug: 'auth', kind: 'core', version: '0.1.0', status: 'ok', checks: [] },
          { slug: 'platform', kind: 'core', version: '0.1.0', status: 'ok', checks: [] },
          { slug: 'mcp', kind: 'core', version: '0.1.0', status: 'ok', checks: [] },
          {
            slug: 'things',
            kind: 'optional',
            version: '1.2.3',
            status: 'degraded',
            checks: [{ name: 'module:things:cache', critical: false, status: 'degraded', latencyMs: latency, reason: 'because' }],
          },
        ],
      });
    });
  });

  describe('with a failing critical module check', () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform({ backend, modules: [thingsModule, gateModule] });
    });
    afterAll(async () => platform?.close());

    it('answers /health/ready with 503 unavailable and the reason of every failing check', async () => {
      const res = await platform.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        roles: ['api', 'relay', 'consumers', 'jobs'],
        status: 'unavailable',
        checks: [
          ...thingsReadyChecks,
          { name: 'module:gate:upstream', critical: true, status: 'unavailable', latencyMs: latency, reason: 'upstream refused' },
        ],
        modules: [...thingsReadyModules, { slug: 'gate', status: 'unavailable' }],
        degradedReasons: ['module:things:cache: because', 'module:gate:upstream: upstream refused'],
      });
    });

    it('still answers /health/live with 200 (liveness ignores dependencies)', async () => {
      const res = await platform.app.inject({ method: 'GET', url: '/health/live' });
      expect(res.statusCode).toBe(200);
    });

    it('reports each module with its own status on /health/modules', async () => {
      const res = await platform.app.inject({ method: 'GET', url: '/health/modules' });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ modules: { slug: string; status: string; checks: { name: string }[] }[] }>();
      expect(body.modules.map((m) => [m.slug, m.status, m.checks.map((c) => c.name)])).toEqual([
        ['events', 'ok', []],
        ['tenancy', 'ok', []],
        ['auth', 'ok', []],
        ['platform', 'ok', []],
        ['mcp', 'ok', []],
        ['things', 'degraded', ['module:things:cache']],
        ['gate', 'unavailable', ['module:gate:upstream']],
      ]);
    });
  });
});

describeEachBackend('/metrics', (backend) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [thingsModule] });
  });
  afterAll(async () => platform?.close());

  const scrape = async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    return res.body;
  };
  const labelsOf = (line: string) => Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

  it('labels request durations by route pattern and status code, never by raw URL', async () => {
    const id = generateId();
    expect((await platform.app.inject({ method: 'GET', url: `/api/v1/things/${id}` })).statusCode).toBe(404);
    expect((await platform.app.inject({ method: 'GET', url: `/api/v1/things/${generateId()}` })).statusCode).toBe(404);
    const created = await platform.app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: 'a', count: 1 } });
    expect(created.statusCode).toBe(201);
    const unknownId = generateId();
    expect((await platform.app.inject({ method: 'GET', url: `/nowhere/${unknownId}` })).statusCode).toBe(404);

    const text = await scrape();
    expect(text).toContain('# TYPE rustok_http_request_duration_seconds histogram');
    expect(text).not.toContain(id);
    expect(text).not.toContain(unknownId);
    const buckets = text.split('\n').filter((l) => l.startsWith('rustok_http_request_duration_seconds_bucket{'));
    const byRoute = (route: string, status: string) =>
      buckets.filter((l) => {
        const labels = labelsOf(l);
        return labels.route === route && labels.status_code === status;
      });
    const getThing = byRoute('/api/v1/things/:id', '404');
    expect(getThing.length).toBeGreaterThan(0);
    expect(labelsOf(getThing[0] ?? '')).toMatchObject({ method: 'GET' });
    expect(getThing.find((l) => labelsOf(l).le === '+Inf')).toMatch(/ 2$/);
    expect(byRoute('/api/v1/things', '201').find((l) => labelsOf(l).le === '+Inf')).toMatch(/ 1$/);
    // Unmatched URLs share one label value.
    expect(byRoute('unmatched', '404').find((l) => labelsOf(l).le === '+Inf')).toMatch(/ 1$/);
    expect(text).toMatch(
      /^rustok_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/things\/:id",status_code="404"\} 2$/m,
    );
  });

  it('exposes process metrics with the rustok_ prefix', async () => {
    const text = await scrape();
    expect(text).toMatch(/^rustok_process_resident_memory_bytes \d+(\.\d+)?$/m);
    expect(text).toMatch(/^rustok_process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^rustok_nodejs_eventloop_lag_seconds \d/m);
  });

  it('exposes the database pool gauge by state', async () => {
    const text = await scrape();
    expect(text).toContain('# TYPE rustok_db_pool_connections gauge');
    const states = Object.fromEntries(
      [...text.matchAll(/^rustok_db_pool_connections\{state="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]),
    );
    expect(Object.keys(states).sort()).toEqual(['idle', 'max', 'total', 'waiting']);
    expect(states.max).toBe(backend.name === 'pglite' ? 1 : 5);
    expect(states.total).toBeLessThanOrEqual(states.max ?? 0);
    expect(states.waiting).toBe(0);
  });
});
