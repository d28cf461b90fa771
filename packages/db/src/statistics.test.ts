import { defineModule } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  analyzeStaleTables,
  analyzeTables,
  analyzeWritten,
  staleTables,
  tablesWrittenInTransaction,
  vacuumDeadTables,
} from './statistics.js';

/**
 * `stats_quiet`: autovacuum off for it (so nothing but us analyzes it, on any server);
 * `stats_seeded`: rows written by its migration; `stats_empty`: only created.
 */
const fixture = defineModule({
  slug: 'stats',
  name: 'Stats',
  description: 'fixture',
  version: '1.0.0',
  kind: 'optional',
  migrations: [
    {
      name: 'm20261203_stats_001_tables',
      up: `
CREATE TABLE stats_quiet (id int PRIMARY KEY, v text) WITH (autovacuum_enabled = false);
CREATE TABLE stats_seeded (id int PRIMARY KEY);
INSERT INTO stats_seeded SELECT g FROM generate_series(1, 120) g;
CREATE TABLE stats_empty (id int PRIMARY KEY);`,
    },
  ],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachBackend('planner statistics', (backend) => {
  let t: TestDatabase;
  /** Autovacuum would never analyze stats_quiet; on the embedded database it analyzes nothing at all. */
  const options = { everyTable: backend.name === 'pglite' };

  beforeAll(async () => {
    t = await openTestDatabase(backend, [fixture]);
  });
  afterAll(() => t?.cleanup());

  const stat = async (table: string) => {
    const { rows } = await t.db.query<{ analyzed: number; changed: number; reltuples: number }>(
      `SELECT s.analyze_count + s.autoanalyze_count AS analyzed, s.n_mod_since_analyze AS changed, c.reltuples
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
      [table],
    );
    return rows[0] ?? { analyzed: -1, changed: -1, reltuples: -2 };
  };

  /** Counters reach the statistics views about a second after the writing session's commit. */
  const untilChanged = async (table: string, atLeast: number) => {
    for (let i = 0; i < 100 && (await stat(table)).changed < atLeast; i++) await sleep(50);
    expect((await stat(table)).changed).toBeGreaterThanOrEqual(atLeast);
  };

  const insert = (from: number, to: number) =>
    t.db.query("INSERT INTO stats_quiet SELECT g, 'x' FROM generate_series($1::int, $2::int) g", [from, to]);

  /** Column statistics of the table (the embedded database's counters restart when it is reopened after migrating; these stay). */
  const columnStats = async (table: string) =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stats WHERE tablename = $1', [table])).rows[0]?.n;

  it('analyzes the tables a migration wrote rows to, not the tables it only created', async () => {
    expect(await columnStats('stats_seeded')).toBe(1);
    expect((await stat('stats_seeded')).reltuples).toBe(120);
    expect(await columnStats('stats_empty')).toBe(0);
    expect((await stat('stats_empty')).reltuples).toBe(-1);
    expect(await columnStats('stats_quiet')).toBe(0);
  });

  it('leaves a table alone until more rows changed than autovacuum would wait for (50 + 10%), then analyzes it once', async () => {
    await insert(1, 40);
    await untilChanged('stats_quiet', 40);
    expect(await staleTables(t.db, options)).not.toContain('stats_quiet');
    expect(await analyzeStaleTables(t.db, options)).not.toContain('stats_quiet');
    expect((await stat('stats_quiet')).analyzed).toBe(0);

    await insert(41, 1_000);
    await untilChanged('stats_quiet', 1_000);
    expect(await analyzeStaleTables(t.db, options)).toContain('stats_quiet');
    expect(await stat('stats_quiet')).toMatchObject({ analyzed: 1, changed: 0, reltuples: 1_000 });

    // Nothing changed since: nothing to do. Then fewer than 50 + 10% of 1,000 rows: still nothing.
    expect(await analyzeStaleTables(t.db, options)).not.toContain('stats_quiet');
    await insert(1_001, 1_120);
    await untilChanged('stats_quiet', 120);
    expect(await staleTables(t.db, options)).not.toContain('stats_quiet');
    await insert(1_121, 1_200);
    await untilChanged('stats_quiet', 200);
    expect(await analyzeStaleTables(t.db, options)).toContain('stats_quiet');
    expect(await stat('stats_quiet')).toMatchObject({ analyzed: 2, changed: 0, reltuples: 1_200 });
  });

  it('on PostgreSQL leaves tables autovacuum looks after to it', async () => {
    await t.db.query('INSERT INTO stats_empty SELECT g FROM generate_series(1, 500) g');
    await untilChanged('stats_empty', 500);
    const { rows } = await t.db.query<{ on: boolean }>("SELECT current_setting('autovacuum')::boolean AS on");
    const autovacuum = backend.name === 'postgres' && rows[0]?.on === true;
    expect((await staleTables(t.db, options)).includes('stats_empty')).toBe(!autovacuum);
  });

  it('analyzes only tables of the application that exist, whatever names it is given', async () => {
    const names = ['stats_empty', 'stats_empty; DROP TABLE stats_quiet', '"stats_quiet"', 'pg_class', 'sys_migrations', 'nope'];
    expect(await analyzeTables(t.db, names)).toEqual(['stats_empty', 'sys_migrations']);
    expect((await stat('stats_empty')).analyzed).toBe(1);
    expect((await stat('stats_quiet')).analyzed).toBe(2);
  });

  it('analyzes after a job only the tables it wrote more rows to than autovacuum would wait for, counting its own uncommitted rows', async () => {
    // stats_seeded: 120 rows as last counted, so 62 is the threshold.
    const small = await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO stats_seeded SELECT g FROM generate_series(1001, 1060) g');
      return analyzeWritten(tx, new Map([['stats_seeded', 60]]));
    });
    expect(small).toEqual([]);
    expect((await stat('stats_seeded')).reltuples).toBe(120);
    const large = await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO stats_seeded SELECT g FROM generate_series(2001, 2100) g');
      return analyzeWritten(
        tx,
        new Map([
          ['stats_seeded', 100],
          ['nope', 1_000],
        ]),
      );
    });
    expect(large).toEqual(['stats_seeded']);
    expect((await stat('stats_seeded')).reltuples).toBe(280);
  });

  it('names the tables a transaction wrote to, not those it read', async () => {
    const written = await t.db.transaction(async (tx) => {
      await tx.query('UPDATE stats_quiet SET v = $1 WHERE id = 1', ['y']);
      await tx.query('SELECT count(*) FROM stats_empty');
      return tablesWrittenInTransaction(tx);
    });
    // Counters of the session's earlier transactions not yet in the statistics views come along.
    expect(written).toContain('stats_quiet');
    expect(written).not.toContain('stats_empty');
  });

  it('vacuums a table with more dead rows than autovacuum would leave where the server lets it (the embedded database), once', async () => {
    await t.db.query("INSERT INTO stats_quiet SELECT g, 'v' FROM generate_series(5001, 5400) g");
    await t.db.query("UPDATE stats_quiet SET v = 'w' WHERE id > 5000");
    const dead = async () =>
      (await t.db.query<{ n: number }>("SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = 'stats_quiet'")).rows[0]?.n ??
      -1;
    for (let i = 0; i < 100 && (await dead()) < 400; i++) await sleep(50);
    expect(await dead()).toBeGreaterThanOrEqual(400);
    await analyzeStaleTables(t.db, options); // row count as autovacuum would know it
    const { rows } = await t.db.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
    // PostgreSQL before 17 has no MAINTAIN privilege: autovacuum (or the operator) vacuums there.
    const maintain = (rows[0]?.v ?? 0) >= 170_000;
    expect(await vacuumDeadTables(t.db, options)).toEqual(maintain ? ['stats_quiet'] : []);
    if (!maintain) return;
    for (let i = 0; i < 100 && (await dead()) > 0; i++) await sleep(50);
    expect(await dead()).toBe(0);
    expect(await vacuumDeadTables(t.db, options)).toEqual([]);
  });
});
