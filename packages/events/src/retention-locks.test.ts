import { randomBytes } from 'node:crypto';
import { listPartitions, withOwnerConnection } from '@rustok/db';
import { firstIdAt, generateId, idTimestamp, type SqlRunner } from '@rustok/kernel';
import { describeOnBackend } from '@rustok/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dropExpiredPeriods, ensureOutboxPartitions } from './outbox/partitions.js';
import { type BusFixture, countRows, openBus, waitUntil } from './test-fixtures/bus.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const tenant = generateId();
const idAt = (ms: number) => `${firstIdAt(ms).slice(0, 24)}${randomBytes(6).toString('hex')}`;

/**
 * Dropping a partition locks its parent. Had the drop taken the partition first and then waited for
 * the parent, a reader already holding the parent (a transaction that read the outbox and now reads
 * the old period) would wait behind the drop, and every writer behind the reader with it.
 */
describeOnBackend('postgres', 'outbox periods dropped beside readers and writers', (backend) => {
  let f: BusFixture;
  /** Start of the first whole day after the migration; the period of day 0 and the migration's table expire. */
  let day0 = 0;
  let event = '';
  const day = (n: number) => new Date(day0 + n * DAY).toISOString().slice(0, 10).replace(/-/g, '');
  const cutoff = () => new Date(day0 + DAY + HOUR);
  const expired = () => ['sys_events_legacy', `sys_events_${day(0)}`];
  const owner = <T>(fn: (c: SqlRunner) => Promise<T>) => withOwnerConnection(f.t.url ?? '', fn);
  const partitionNames = async () => [
    ...(await listPartitions(f.db, 'sys_events')).map((p) => p.name),
    ...(await listPartitions(f.db, 'sys_event_receipts')).map((p) => p.name),
  ];

  beforeEach(async () => {
    f = await openBus(backend, []);
    const legacy = (await listPartitions(f.db, 'sys_events')).find((p) => p.name === 'sys_events_legacy');
    day0 = Math.ceil(idTimestamp(legacy?.hi ?? '').getTime() / DAY) * DAY;
    await ensureOutboxPartitions(f.db, DAY, day0);
    // A dispatched event of day 0 and its receipt, both long expired at the cutoff.
    event = idAt(day0 + HOUR);
    const at = new Date(day0 + HOUR);
    await f.db.query(
      `INSERT INTO sys_events (id, tenant_id, type, schema_version, envelope, status, dispatched_at)
       VALUES ($1, $2, 'shop.order.cancelled', 1, '{}', 'dispatched', $3)`,
      [event, tenant, at],
    );
    await f.db.query(`INSERT INTO sys_event_receipts (consumer, event_id, tenant_id, processed_at) VALUES ('shop.good', $1, $2, $3)`, [
      event,
      tenant,
      at,
    ]);
  }, 60_000);
  afterEach(() => f.close());

  /** The drop asks for the outbox's lock (held by the reader) and waits. */
  const dropWaits = async () =>
    (
      await f.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'sys_events'::regclass AND mode = 'AccessExclusiveLock' AND NOT granted`,
      )
    ).rows[0]?.n === 1;

  it('never makes a reader of the outbox wait, and drops the period with its receipts once the reader is done', async () => {
    const day1 = firstIdAt(day0 + DAY);
    await owner(async (reader) => {
      await reader.query('BEGIN');
      // The reader holds the outbox (and the newer periods) ...
      await reader.query(`SELECT count(*) FROM sys_events WHERE id >= '${day1}'`);
      const job = dropExpiredPeriods(f.db, cutoff());
      await waitUntil(dropWaits);
      // ... and now reads the expired periods, which it must get at once.
      await reader.query(`SET LOCAL lock_timeout = '100ms'`);
      const scanned = await reader.query<{ n: number }>(`SELECT count(*)::int AS n FROM sys_events WHERE id < '${day1}'`).then(
        (r) => r.rows[0]?.n,
        (error: { code?: string }) => error.code,
      );
      await reader.query('COMMIT');
      const done = await job;
      expect(scanned).toBe(1);
      expect(done).toMatchObject({ dropped: expired(), kept: [] });
    });
    const names = await partitionNames();
    for (const gone of [...expired(), 'sys_event_receipts_legacy', `sys_event_receipts_${day(0)}`]) expect(names).not.toContain(gone);
    expect(names).toContain(`sys_events_${day(1)}`);
    expect(names).toContain(`sys_event_receipts_${day(1)}`);
    expect(await countRows(f.db, 'SELECT 1 FROM sys_event_receipts WHERE event_id = $1', [event])).toBe(0);
  }, 60_000);

  it('keeps the periods, dropping nothing, while a writer of receipts never lets go', async () => {
    await owner(async (writer) => {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO sys_event_receipts (consumer, event_id, tenant_id) VALUES ('shop.late', $1, $2)`, [
        idAt(day0 + 2 * DAY + HOUR),
        tenant,
      ]);
      expect(await dropExpiredPeriods(f.db, cutoff())).toMatchObject({ dropped: [], kept: expired() });
      await writer.query('ROLLBACK');
    });
    const names = await partitionNames();
    for (const kept of [...expired(), 'sys_event_receipts_legacy', `sys_event_receipts_${day(0)}`]) expect(names).toContain(kept);
    expect(await countRows(f.db, 'SELECT 1 FROM sys_event_receipts WHERE event_id = $1', [event])).toBe(1);
    // The writer gone, the next run drops them.
    expect(await dropExpiredPeriods(f.db, cutoff())).toMatchObject({ dropped: expired(), kept: [] });
  }, 60_000);
});
