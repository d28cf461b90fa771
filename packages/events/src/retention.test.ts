import { generateId } from '@rustok/kernel';
import { describeEachBackend, testConfig } from '@rustok/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { outboxRetentionJob, pruneOutbox } from './outbox/retention.js';
import { type BusFixture, countRows, openBus } from './test-fixtures/bus.js';
import { shopModule, switchable } from './test-fixtures/shop.js';

const tenant = generateId();
const cancelled = () => ({ type: 'shop.order.cancelled', tenantId: tenant, payload: { orderId: generateId() } });
const DAY_MS = 86_400_000;

describeEachBackend('outbox retention', (backend) => {
  let f: BusFixture;
  const good = switchable('shop.good', ['shop.order.cancelled']);
  const flaky = switchable('shop.flaky', ['shop.order.cancelled']);

  beforeEach(async () => {
    good.state.mode = 'record';
    flaky.state.mode = 'record';
    f = await openBus(backend, [shopModule([good.handler, flaky.handler])], { max_attempts: 1, backoff_base_ms: 1, backoff_max_ms: 2 });
  });
  afterEach(() => f.close());

  const publish = () => f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
  const drain = async () => {
    for (let i = 0; i < 10; i++) await f.bus.relay?.runOnce();
  };
  /** Moves an event's dispatch and its receipts `days` into the past. */
  const age = async (id: string, days: number) => {
    await f.db.query(`UPDATE sys_events SET dispatched_at = now() - ($2::int * interval '1 day') WHERE id = $1`, [id, days]);
    await f.db.query(`UPDATE sys_event_receipts SET processed_at = now() - ($2::int * interval '1 day') WHERE event_id = $1`, [id, days]);
  };
  const eventIds = async () => (await f.db.query<{ id: string }>('SELECT id FROM sys_events ORDER BY id')).rows.map((r) => r.id);
  const receipts = (id: string) => countRows(f.db, 'SELECT 1 FROM sys_event_receipts WHERE event_id = $1', [id]);

  it('deletes dispatched events and their receipts past the retention, and nothing newer or still pending', async () => {
    const [old1, old2, fresh] = [await publish(), await publish(), await publish()];
    await drain();
    await age(old1.id, 3);
    await age(old2.id, 3);
    const pending = await publish(); // never relayed
    await f.db.query(`UPDATE sys_events SET created_at = now() - interval '3 days' WHERE id = $1`, [pending.id]);

    expect(await pruneOutbox(f.db, { olderThanMs: DAY_MS })).toEqual({ events: 2, receipts: 4 });
    expect(await eventIds()).toEqual([fresh.id, pending.id].sort());
    expect(await receipts(fresh.id)).toBe(2);
    expect(await pruneOutbox(f.db, { olderThanMs: DAY_MS })).toEqual({ events: 0, receipts: 0 });
  });

  it('keeps the receipts of an event in an open dead letter, so a replay does not run its consumers twice', async () => {
    flaky.state.mode = 'fail';
    const dead = await publish();
    await drain();
    expect((await f.bus.listDeadLetters(10)).items.map((d) => d.id)).toEqual([dead.id]);
    expect(await receipts(dead.id)).toBe(1); // shop.good handled it
    await age(dead.id, 3);

    expect(await pruneOutbox(f.db, { olderThanMs: DAY_MS })).toEqual({ events: 0, receipts: 0 });
    flaky.state.mode = 'record';
    const goodBefore = good.state.calls;
    await f.bus.replayDeadLetter(dead.id);
    expect(good.state.calls).toBe(goodBefore); // its receipt kept it from a second run
    expect(await receipts(dead.id)).toBe(2);
  });

  it('deletes in batches until a short batch', async () => {
    const events = [await publish(), await publish(), await publish(), await publish(), await publish()];
    await drain();
    for (const e of events) await age(e.id, 2);
    expect(await pruneOutbox(f.db, { olderThanMs: DAY_MS, batchSize: 2 })).toEqual({ events: 5, receipts: 10 });
    expect(await eventIds()).toEqual([]);
  });
});

it('runs only where a retention is set', () => {
  const config = testConfig();
  const enabled = 'enabled' in outboxRetentionJob ? outboxRetentionJob.enabled : undefined;
  expect(enabled?.(config)).toBe(true);
  const off = {
    ...config,
    settings: { ...config.settings, rustok: { ...config.settings.rustok, events: { ...config.settings.rustok.events, retention_ms: 0 } } },
  };
  expect(enabled?.(off)).toBe(false);
});
