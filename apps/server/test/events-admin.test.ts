import { generateId } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { failingBilling } from './fixtures/billing-module.js';

const billing = failingBilling();

describeEachBackend('event admin API and metrics', (backend) => {
  let p: TestPlatform;
  const tenantId = generateId();
  let eventId: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    billing.breakAgain();
    p = await createTestPlatform({
      backend,
      modules: [billing.module],
      config: { settings: { rustok: { events: { max_attempts: 2, backoff_base_ms: 1, backoff_max_ms: 2, relay_poll_ms: 50 } } } },
    });
    const event = await p.database.db.transaction((tx) =>
      p.bus.publishInTx(tx, { type: 'billing.invoice.issued', tenantId, payload: { invoiceId: generateId() } }),
    );
    eventId = event.id;
    const root = await p.defaultTenant();
    admin = (await p.userWithToken(root.id, ['super_admin'])).headers;
    const deadline = Date.now() + 10_000;
    while ((await p.bus.stats()).deadLetters === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(() => p.close());

  it('reports backlog and counts per type', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/admin/events/stats', headers: admin });
    expect(res.statusCode).toBe(200);
    const stats = res.json<{ byType: { type: string }[] }>();
    expect(stats).toMatchObject({ transport: 'outbox', reliabilityLevel: 'outbox', deadLetters: 1 });
    expect(stats.byType.find((t) => t.type === 'billing.invoice.issued')).toEqual({
      type: 'billing.invoice.issued',
      published: 1,
      pending: 0,
      dispatched: 0,
      retrying: 0,
      dead: 1,
    });
  });

  it('lists dead letters with their error and replays one after the fix', async () => {
    const list = await p.app.inject({ method: 'GET', url: '/api/v1/admin/events/dlq?limit=5', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [
        {
          id: eventId,
          tenantId,
          type: 'billing.invoice.issued',
          attempts: 2,
          failedConsumers: ['billing.mailer'],
          lastError: expect.stringContaining('smtp down'),
        },
      ],
      nextCursor: null,
    });
    const again = await p.app.inject({ method: 'POST', url: `/api/v1/admin/events/dlq/${eventId}/replay`, headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EVENTS_REPLAY_FAILED' });
    billing.fix();
    const replayed = await p.app.inject({ method: 'POST', url: `/api/v1/admin/events/dlq/${eventId}/replay`, headers: admin });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toEqual({ id: eventId, type: 'billing.invoice.issued', replayed: true });
    const gone = await p.app.inject({ method: 'POST', url: `/api/v1/admin/events/dlq/${eventId}/replay`, headers: admin });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'EVENTS_DEAD_LETTER_NOT_FOUND' });
    const bad = await p.app.inject({ method: 'POST', url: '/api/v1/admin/events/dlq/not-an-id/replay', headers: admin });
    expect(bad.statusCode).toBe(422);
  });

  it('answers 401 without a token and 403 to a tenant administrator (platform routes)', async () => {
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/admin/events/stats' })).json()).toMatchObject({
      status: 401,
      code: 'AUTH_REQUIRED',
    });
    const tenantAdmin = (await p.userWithToken((await p.defaultTenant()).id, ['admin'])).headers;
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/admin/events/dlq', headers: tenantAdmin });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
  });

  it('exposes the outbox gauges and event counters on /metrics', async () => {
    const text = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^rustok_events_outbox_backlog \d+$/m);
    expect(text).toMatch(/^rustok_events_outbox_oldest_pending_age_seconds [\d.e-]+$/m);
    expect(text).toMatch(/^rustok_events_published_total\{type="billing.invoice.issued"\} 1$/m);
    expect(text).toMatch(/^rustok_events_dead_lettered_total\{type="billing.invoice.issued"\} 1$/m);
  });

  it('documents the admin routes in the OpenAPI document', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/swagger/json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/admin/events/stats', '/api/v1/admin/events/dlq', '/api/v1/admin/events/dlq/{id}/replay']),
    );
  });
});
