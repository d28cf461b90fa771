import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineModule, type ModuleDefinition } from '@rustok/kernel';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from './open.js';
import { openPglite } from './pglite.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustok-open-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const database = (sharedBuffersMb: number) => ({
  url: null,
  data_dir: dir,
  pool_max: 5,
  read_pool_max: 2,
  background_pool_max: 2,
  pool_idle_ms: 300_000,
  app_role: 'rustok_app',
  statement_timeout_ms: 30_000,
  embedded_shared_buffers_mb: sharedBuffersMb,
  read_urls: [] as string[],
  replica_max_lag_ms: 10_000,
  replica_check_ms: 1_000,
  read_your_writes_ms: 5_000,
});

it('opens the embedded database with the configured buffer cache, again on a second start', async () => {
  for (const mb of [8, 24]) {
    const { db } = await openDatabase({ config: { database: database(mb) }, root: dir, migrate: [] });
    try {
      const { rows } = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(rows[0]?.shared_buffers).toBe(`${mb}MB`);
    } finally {
      await db.close();
    }
  }
}, 120_000);

it('ignores read replicas on the embedded database: its reads stay its own', async () => {
  const config = { database: { ...database(8), read_urls: ['postgres://127.0.0.1:1/nowhere'] } };
  const { db } = await openDatabase({ config, root: dir, inMemory: true });
  try {
    expect(db.replicated).toBe(false);
    expect(db.replicaReads()).toBe(db);
    expect(db.replicaStatus()).toEqual([]);
  } finally {
    await db.close();
  }
}, 120_000);

const fixture = (migrations: { name: string; up: string }[]) =>
  defineModule({ name: 'x', description: 'fixture', version: '1.0.0', slug: 'jot', kind: 'optional', migrations });
const first = { name: 'm20260101_jot_001_create', up: 'CREATE TABLE jots (id int PRIMARY KEY)' };
const second = { name: 'm20260102_jot_002_body', up: 'ALTER TABLE jots ADD COLUMN body text' };

it('restarts without the owner instance when every migration is applied, and with it when one is new or edited', async () => {
  const open = async (modules: ModuleDefinition[]) => {
    const opened = await openDatabase({ config: { database: database(8) }, root: dir, migrate: modules });
    await opened.db.close();
    return opened.migrations;
  };
  expect(await open([fixture([first])])).toEqual({ applied: [first.name], alreadyApplied: 0 });
  expect(await open([fixture([first])])).toEqual({ applied: [], alreadyApplied: 1 });
  expect(await open([fixture([first, second])])).toEqual({ applied: [second.name], alreadyApplied: 1 });
  const { db } = await openDatabase({ config: { database: database(8) }, root: dir, migrate: [fixture([first, second])] });
  try {
    await db.query("INSERT INTO jots (id, body) VALUES (1, 'as the application role')");
    expect((await db.query('SELECT body FROM jots')).rows).toEqual([{ body: 'as the application role' }]);
  } finally {
    await db.close();
  }
  await expect(open([fixture([{ ...first, up: 'CREATE TABLE jots (id bigint)' }, second])])).rejects.toMatchObject({
    code: 'DB_MIGRATION_CHANGED',
  });
}, 120_000);

it('opens the owner instance only when its setup has work', async () => {
  const setups: string[] = [];
  const open = async (needed: boolean) => {
    const db = await openPglite({
      dataDir: dir,
      appRole: 'rustok_app',
      ownerSetup: async (owner) => {
        const { rows } = await owner.query<{ superuser: string }>("SELECT current_setting('is_superuser') AS superuser");
        setups.push(rows[0]?.superuser ?? '');
      },
      ownerSetupNeeded: async (app) => {
        const { rows } = await app.query<{ superuser: string }>("SELECT current_setting('is_superuser') AS superuser");
        expect(rows[0]?.superuser).toBe('off');
        return needed;
      },
    });
    await db.close();
  };
  await open(false); // a new database: the owner creates it whatever is asked
  await open(false);
  await open(true);
  expect(setups).toEqual(['on', 'on']);
  // Five embedded instances one after the other (a new cluster, then app and owner opens): ~30 s on a busy two-core machine.
}, 120_000);

it('sets the platform up again on a restart after an upgrade changed its functions or grants, with no new migration', async () => {
  const stamp = async () => {
    const { db } = await openDatabase({ config: { database: database(8) }, root: dir, migrate: [fixture([first])] });
    try {
      const { rows } = await db.query<{ s: string }>("SELECT obj_description('sys_migrations'::regclass, 'pg_class') AS s");
      return rows[0]?.s;
    } finally {
      await db.close();
    }
  };
  const current = await stamp();
  expect(current).toMatch(/^[0-9a-f]{64}$/);
  // As an earlier release left it: every migration applied, the platform's functions of that release.
  const older = await openPglite({
    dataDir: dir,
    appRole: 'rustok_app',
    ownerSetup: (owner) => owner.exec("COMMENT ON TABLE sys_migrations IS 'an earlier release'"),
    ownerSetupNeeded: async () => true,
  });
  await older.close();
  expect(await stamp()).toBe(current);
}, 120_000);
