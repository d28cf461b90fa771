import { defineModule, generateId, Id } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, expect, it } from 'vitest';

let failing = true;
const billing = defineModule({
  slug: 'billing',
  name: 'Billing',
  description: 'fixture',
  version: '1.0.0',
  kind: 'optional',
  events: {
    emits: [{ type: 'billing.invoice.issued', schemaVersion: 1, payload: Type.Object({ invoiceId: Id() }) }],
    handles: [
      {
        consumer: 'billing.mailer',
        types: ['billing.invoice.issued'],
        handle: async () => {
          if (failing) throw new Error('smtp down');
        },
      },
    ],
  },
});

describeEachBackend('event admin API and metrics', (backend) => {
  let p: TestPlatform;
  const tenantId = generateId();
  let eventId: string;

  beforeAll(async () => {
    failing = true;
    p = await createTestPlatform({
      backend,
      modules: [billing],
      config: { settings: { rustok: { events: { max_attempts: 2, backoff_base_ms: 1, backoff_max_ms: 2, relay_poll_ms: 50 } } } },
    });
    const event = await p.database.db.transaction((tx) =>
      p.bus.publishInTx(tx, { type: 'billing.invoice.issued', tenantId, payload: { invoiceId: generateId() } }),
    );
    eventId = event.id;
    const deadline = Date.now() + 10_000;
    while ((await p.bus.stats()).deadLetters === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(() => p.close());

  it('reports backlog and counts per type', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/admin/events/stats' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      transport: 'outbox',
      reliabilityLevel: 'outbox',
      backlog: 0,
      oldestPendingAgeSeconds: null,
      deadLetters: 1,
      byType: [{ type: 'billing.invoice.issued', published: 1, pending: 0, dispatched: 0, retrying: 0, dead: 1 }],
    });
  });

  it('lists dead letters with their error and replays one after the fix', async () => {
    const list = await p.app.inject({ method: 'GET', url: '/api/v1/admin/events/dlq?limit=5' });
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
    const again = await p.app.inject({ method: 'POST', url: `/api/v1/admin/events/dlq/${eventId}/replay` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EVENTS_REPLAY_FAILED' });
    failing = false;
    const replayed = await p.app.inject({ method: 'POST', url: `/api/v1/admin/events/dlq/${eventId}/replay` });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toEqual({ id: eventId, type: 'billing.invoice.issued', replayed: true });
    const gone = await p.app.inject({ method: 'POST', url: `/api/v1/admin/events/dlq/${eventId}/replay` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'EVENTS_DEAD_LETTER_NOT_FOUND' });
    const bad = await p.app.inject({ method: 'POST', url: '/api/v1/admin/events/dlq/not-an-id/replay' });
    expect(bad.statusCode).toBe(422);
  });

  it('exposes the outbox gauges and event counters on /metrics', async () => {
    const text = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^rustok_events_outbox_backlog 0$/m);
    expect(text).toMatch(/^rustok_events_outbox_oldest_pending_age_seconds 0$/m);
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
