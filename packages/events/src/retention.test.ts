import { randomBytes } from 'node:crypto';
import { listPartitions } from '@rustok/db';
import { firstIdAt, generateId, idTimestamp } from '@rustok/kernel';
import { describeEachBackend, testConfig } from '@rustok/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensureOutboxPartitions } from './outbox/partitions.js';
import { outboxRetentionJob, pruneOutbox } from './outbox/retention.js';
import { type BusFixture, countRows, openBus } from './test-fixtures/bus.js';
import { shopModule, switchable } from './test-fixtures/shop.js';

const tenant = generateId();
const cancelled = () => ({ type: 'shop.order.cancelled', tenantId: tenant, payload: { orderId: generateId() } });
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** An id made at `ms` (generateId keeps its last time in module state, so it cannot be asked for another time). */
const idAt = (ms: number) => `${firstIdAt(ms).slice(0, 24)}${randomBytes(6).toString('hex')}`;

describeEachBackend('outbox retention', (backend) => {
  let f: BusFixture;
  /** Start of the first whole day after the migration (the existing table holds the ids before it was run). */
  let day0 = 0;
  const good = switchable('shop.good', ['shop.order.cancelled']);
  const flaky = switchable('shop.flaky', ['shop.order.cancelled']);

  beforeEach(async () => {
    good.state.mode = 'record';
    flaky.state.mode = 'record';
    f = await openBus(backend, [shopModule([good.handler, flaky.handler])], { max_attempts: 1, backoff_base_ms: 1, backoff_max_ms: 2 });
    const legacy = (await listPartitions(f.db, 'sys_events')).find((p) => p.name === 'sys_events_legacy');
    day0 = Math.ceil(idTimestamp(legacy?.hi ?? '').getTime() / DAY) * DAY;
  });
  afterEach(() => f.close());

  const publish = () => f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
  const drain = async () => {
    for (let i = 0; i < 10; i++) await f.bus.relay?.runOnce();
  };
  /** Gives an event (its row, receipts, dead letter and envelopes) an id made at `ms`, so it lives in that period. */
  const moveTo = async (id: string, ms: number): Promise<string> => {
    const moved = idAt(ms);
    const envelope = `envelope = jsonb_set(envelope, '{id}', to_jsonb($3::text))`;
    await f.db.query(`UPDATE sys_events SET id = $2, ${envelope} WHERE id = $1`, [id, moved, moved]);
    await f.db.query('UPDATE sys_event_receipts SET event_id = $2 WHERE event_id = $1', [id, moved]);
    await f.db.query(`UPDATE sys_events_dlq SET id = $2, ${envelope} WHERE id = $1`, [id, moved, moved]);
    return moved;
  };
  const receipts = (id: string) => countRows(f.db, 'SELECT 1 FROM sys_event_receipts WHERE event_id = $1', [id]);
  const events = (id: string) => countRows(f.db, 'SELECT 1 FROM sys_events WHERE id = $1', [id]);
  const partitionNames = async () => [
    ...(await listPartitions(f.db, 'sys_events')).map((p) => p.name),
    ...(await listPartitions(f.db, 'sys_event_receipts')).map((p) => p.name),
  ];
  const day = (n: number) => new Date(day0 + n * DAY).toISOString().slice(0, 10).replace(/-/g, '');

  it('drops a period whose events and receipts have all expired, receipts with events, and leaves newer periods alone', async () => {
    await ensureOutboxPartitions(f.db, DAY, day0);
    const [a, b] = [await publish(), await publish()];
    await drain();
    const inDay0 = await moveTo(a.id, day0 + HOUR);
    const inDay1 = await moveTo(b.id, day0 + DAY + HOUR);

    // The cutoff lies in day 1: the table made by the migration (before day 0) and day 0 have expired.
    expect(await pruneOutbox(f.db, { olderThanMs: DAY, now: day0 + 2 * DAY + HOUR })).toEqual({
      periods: 2,
      kept: [],
      events: 0,
      receipts: 0,
    });
    const names = await partitionNames();
    expect(names).not.toContain('sys_events_legacy');
    expect(names).not.toContain('sys_event_receipts_legacy');
    expect(names).not.toContain(`sys_events_${day(0)}`);
    expect(names).not.toContain(`sys_event_receipts_${day(0)}`);
    expect(names).toContain(`sys_events_${day(1)}`);
    expect(names).toContain(`sys_event_receipts_${day(1)}`);
    expect([await events(inDay0), await receipts(inDay0)]).toEqual([0, 0]);
    expect([await events(inDay1), await receipts(inDay1)]).toEqual([1, 2]);
    expect(await pruneOutbox(f.db, { olderThanMs: DAY, now: day0 + 2 * DAY + HOUR })).toEqual({
      periods: 0,
      kept: [],
      events: 0,
      receipts: 0,
    });
  });

  it('keeps an expired period with a dead or pending event or a late receipt, deleting only its expired rows', async () => {
    await ensureOutboxPartitions(f.db, DAY, day0);
    flaky.state.mode = 'fail';
    const dead = await publish();
    await drain();
    flaky.state.mode = 'record';
    const [ok0, late, ok1, ok2] = [await publish(), await publish(), await publish(), await publish()];
    await drain();
    const pending = await publish(); // never relayed
    const ids = {
      dead: await moveTo(dead.id, day0 + HOUR),
      ok0: await moveTo(ok0.id, day0 + 2 * HOUR),
      late: await moveTo(late.id, day0 + DAY + HOUR),
      ok1: await moveTo(ok1.id, day0 + DAY + 2 * HOUR),
      pending: await moveTo(pending.id, day0 + 2 * DAY + HOUR),
      ok2: await moveTo(ok2.id, day0 + 2 * DAY + 2 * HOUR),
    };
    const now = day0 + 4 * DAY + HOUR; // the cutoff lies in day 3
    await f.db.query('UPDATE sys_event_receipts SET processed_at = $2 WHERE event_id = $1', [ids.late, new Date(now)]);

    // Only the migration's table goes whole; ok0, late, ok1 and ok2 go one by one with ok0's, ok1's and ok2's receipts.
    expect(await pruneOutbox(f.db, { olderThanMs: DAY, now })).toEqual({
      periods: 1,
      kept: [0, 1, 2].map((n) => `sys_events_${day(n)}`),
      events: 4,
      receipts: 6,
    });
    expect([await events(ids.dead), await receipts(ids.dead)]).toEqual([1, 1]); // shop.good's receipt stays for the replay
    expect([await events(ids.pending), await receipts(ids.late)]).toEqual([1, 2]);

    const goodBefore = good.state.calls;
    await f.bus.replayDeadLetter(ids.dead);
    expect(good.state.calls).toBe(goodBefore); // its receipt kept it from a second run
    expect(await receipts(ids.dead)).toBe(2);
    // Replayed, the dead event no longer holds day 0.
    expect(await pruneOutbox(f.db, { olderThanMs: DAY, now })).toEqual({
      periods: 1,
      kept: [1, 2].map((n) => `sys_events_${day(n)}`),
      events: 0,
      receipts: 0,
    });
    expect(await partitionNames()).not.toContain(`sys_events_${day(0)}`);
    expect(await partitionNames()).toContain(`sys_events_${day(1)}`);
  });

  it('deletes expired rows of the default partition in batches until a short batch', async () => {
    const published = [await publish(), await publish(), await publish(), await publish(), await publish()];
    await drain();
    // No partition was made for day 10: the rows land in the default partition.
    for (const e of published) await moveTo(e.id, day0 + 10 * DAY);
    expect(await countRows(f.db, 'SELECT 1 FROM sys_events_default')).toBe(5);
    const pruned = await pruneOutbox(f.db, { olderThanMs: DAY, now: day0 + 12 * DAY, batchSize: 2 });
    expect(pruned).toEqual({ periods: 1, kept: [], events: 5, receipts: 10 });
    expect(await countRows(f.db, 'SELECT 1 FROM sys_events')).toBe(0);
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
