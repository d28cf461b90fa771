import { randomBytes } from 'node:crypto';
import { type Database, listPartitions, openPglite, runMigrations, withOwnerConnection } from '@rustok/db';
import { defineModule, firstIdAt, generateId, idTimestamp, type SqlRunner } from '@rustok/kernel';
import { blankTestImage, describeEachBackend, openTestDatabase, testConfig } from '@rustok/testing';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { eventsModule } from './module.js';
import { outboxMigrations } from './outbox/migrations.js';
import { ensureOutboxPartitions, outboxPartitionsJob } from './outbox/partitions.js';
import { type BusFixture, countRows, openBus } from './test-fixtures/bus.js';

const DAY = 86_400_000;
const idAt = (ms: number) => `${firstIdAt(ms).slice(0, 24)}${randomBytes(6).toString('hex')}`;
const names = async (db: SqlRunner, table: string) => (await listPartitions(db, table)).map((p) => p.name);
const legacyEnd = async (db: SqlRunner) =>
  idTimestamp((await listPartitions(db, 'sys_events')).find((p) => p.name === 'sys_events_legacy')?.hi ?? '').getTime();
const dayName = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

describeEachBackend('outbox partitions', (backend) => {
  let f: BusFixture | undefined;
  let closeLater: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await f?.close();
    await closeLater?.();
    f = undefined;
    closeLater = undefined;
  });

  it('makes the outbox and its receipts partitioned tables, the existing table one partition and a default for the rest', async () => {
    f = await openBus(backend, []);
    const kinds = await f.db.query<{ relname: string; relkind: string }>(
      `SELECT relname, relkind FROM pg_class WHERE relname IN ('sys_events', 'sys_event_receipts') ORDER BY relname`,
    );
    expect(kinds.rows).toEqual([
      { relname: 'sys_event_receipts', relkind: 'p' },
      { relname: 'sys_events', relkind: 'p' },
    ]);
    expect(await names(f.db, 'sys_events')).toEqual(['sys_events_legacy', 'sys_events_default']);
    expect(await names(f.db, 'sys_event_receipts')).toEqual(['sys_event_receipts_legacy', 'sys_event_receipts_default']);
    // The existing table holds every id made before the migration ran.
    expect(await legacyEnd(f.db)).toBeLessThanOrEqual(Date.now());
    expect(await legacyEnd(f.db)).toBeGreaterThan(Date.now() - DAY);
  });

  it('makes the next periods ahead for both tables, once, and rows land in their period', async () => {
    f = await openBus(backend, []);
    const day0 = Math.ceil((await legacyEnd(f.db)) / DAY) * DAY;
    const made = await ensureOutboxPartitions(f.db, DAY, day0);
    const days = [0, 1, 2, 3].map((n) => dayName(day0 + n * DAY));
    expect(made).toEqual([...days.map((d) => `sys_events_${d}`), ...days.map((d) => `sys_event_receipts_${d}`)]);
    expect(await ensureOutboxPartitions(f.db, DAY, day0)).toEqual([]);
    // A shorter period later: what day 3 covers is skipped, then three 6-hour periods of day 4 per table.
    const quarters = await ensureOutboxPartitions(f.db, 6 * 3_600_000, day0 + 4 * DAY - 3_600_000);
    expect(quarters.map((n) => n.slice(-12))).toEqual(
      [0, 6, 12, 0, 6, 12].map((h) => `${dayName(day0 + 4 * DAY)}${String(h).padStart(2, '0')}00`),
    );

    const tenant = generateId();
    const row = async (id: string) => {
      await f?.db.query(`INSERT INTO sys_events (id, tenant_id, type, schema_version, envelope) VALUES ($1, $2, 't.x', 1, '{}')`, [
        id,
        tenant,
      ]);
      await f?.db.query(`INSERT INTO sys_event_receipts (consumer, event_id, tenant_id) VALUES ('c', $1, $2)`, [id, tenant]);
    };
    await row(idAt(day0 + DAY + 5));
    await row(idAt(day0 + 40 * DAY));
    const where = async (table: string) =>
      (await f?.db.query<{ p: string }>(`SELECT tableoid::regclass::text AS p FROM ${table} ORDER BY 1`))?.rows.map((r) => r.p);
    expect(await where('sys_events')).toEqual([`sys_events_${days[1]}`, 'sys_events_default']);
    expect(await where('sys_event_receipts')).toEqual([`sys_event_receipts_${days[1]}`, 'sys_event_receipts_default']);
  });

  it('runs as a job of the deployment, which makes the current and next three days, today from a second later', async () => {
    f = await openBus(backend, []);
    const logger = pino({ level: 'silent' });
    const before = Date.now();
    await outboxPartitionsJob.run({ db: f.db, config: testConfig(), logger, slot: new Date() } as never);
    const today = before - (before % DAY);
    const expected = [0, 1, 2, 3].map((n) => `sys_events_${dayName(today + n * DAY)}`);
    const parts = await listPartitions(f.db, 'sys_events');
    expect(parts.map((p) => p.name)).toEqual(['sys_events_legacy', ...expected, 'sys_events_default']);
    // Today began before the job ran: its partition starts a second after the run, its earlier rows stay in the default.
    const todays = parts[1];
    expect(idTimestamp(todays?.lo ?? '').getTime()).toBeGreaterThanOrEqual(before + 1_000);
    expect(todays?.hi).toBe(parts[2]?.lo);
    const receipts = await listPartitions(f.db, 'sys_event_receipts');
    expect(receipts.map((p) => [p.lo, p.hi])).toEqual(parts.map((p) => [p.lo, p.hi]));
  });

  it('lets the application role create and drop partitions of a partitioned table only, never its default one', async () => {
    f = await openBus(backend, []);
    const refused = (sql: string, params: unknown[]) =>
      f?.db.query(sql, params).then(
        () => 'ran',
        (e: Error) => e.message,
      );
    expect(await refused('SELECT sys_partition_create($1, $2, $3, $4)', ['sys_events_dlq', '20990101', idAt(0), idAt(1)])).toMatch(
      /not a partitioned table/,
    );
    expect(await refused('SELECT sys_partition_create($1, $2, $3, $4)', ['sys_events', '2099; DROP', idAt(0), idAt(1)])).toMatch(/digits/);
    const dropped = await f.db.query('SELECT sys_partition_drop($1, $2::text[])', ['sys_events', ['sys_events_default', 'sys_events_dlq']]);
    expect(dropped.rows).toEqual([]);
    expect(await refused('DROP TABLE sys_events_legacy', [])).toMatch(/must be owner/);
    expect(await names(f.db, 'sys_events')).toEqual(['sys_events_legacy', 'sys_events_default']);
  });

  it('keeps the rows of an existing outbox when it is partitioned, a row from a clock ahead in the default partition', async () => {
    const before = defineModule({ ...eventsModule, migrations: outboxMigrations.slice(0, 2) });
    const tenant = generateId();
    // Ids made at given times: with isolate off, another file may have left generateId's clock ahead.
    const [now, ahead] = [idAt(Date.now() - 1_000), idAt(Date.now() + 30 * DAY)];
    const migrate = async (owner: SqlRunner) => {
      await runMigrations(owner, [before], { appRole: 'rustok_app' });
      for (const id of [now, ahead]) {
        await owner.query(`INSERT INTO sys_events (id, tenant_id, type, schema_version, envelope) VALUES ($1, $2, 't.x', 1, '{}')`, [
          id,
          tenant,
        ]);
        await owner.query(`INSERT INTO sys_event_receipts (consumer, event_id, tenant_id) VALUES ('c', $1, $2)`, [id, tenant]);
      }
      await runMigrations(owner, [eventsModule], { appRole: 'rustok_app' });
    };
    let db: Database;
    if (backend.name === 'pglite') {
      db = await openPglite({ appRole: 'rustok_app', ownerSetup: migrate, image: await blankTestImage('rustok_app') });
      closeLater = () => db.close();
    } else {
      const t = await openTestDatabase(backend, []);
      closeLater = () => t.cleanup();
      await withOwnerConnection(t.url ?? '', migrate);
      db = t.db;
    }
    const where = async (table: string, key: string) =>
      (await db.query<{ k: string; p: string }>(`SELECT ${key} AS k, tableoid::regclass::text AS p FROM ${table} ORDER BY 1`)).rows;
    expect(await where('sys_events', 'id')).toEqual([
      { k: now, p: 'sys_events_legacy' },
      { k: ahead, p: 'sys_events_default' },
    ]);
    expect(await where('sys_event_receipts', 'event_id')).toEqual([
      { k: now, p: 'sys_event_receipts_legacy' },
      { k: ahead, p: 'sys_event_receipts_default' },
    ]);
    expect(await countRows(db, `SELECT 1 FROM sys_events WHERE status = 'pending'`)).toBe(2);
  });
});
