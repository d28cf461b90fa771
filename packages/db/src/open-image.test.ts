import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineModule, type ModuleDefinition } from '@rustok/kernel';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runMigrations } from './migrate.js';
import { openDatabase } from './open.js';
import { createPgliteImage } from './pglite.js';

const fixture = defineModule({
  name: 'x',
  description: 'fixture',
  version: '1.0.0',
  slug: 'jot',
  kind: 'optional',
  migrations: [{ name: 'm20260101_jot_001_create', up: 'CREATE TABLE jots (id int PRIMARY KEY); GRANT ALL ON jots TO rustok_app' }],
});

let dir: string;
let image: Blob;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustok-open-image-'));
  image = await createPgliteImage('rustok_app', {
    ownerSetup: async (owner) => {
      await runMigrations(owner, [fixture], { appRole: 'rustok_app' });
    },
  });
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const config = {
  database: {
    url: null,
    data_dir: 'data',
    pool_max: 5,
    read_pool_max: 2,
    background_pool_max: 2,
    pool_idle_ms: 300_000,
    app_role: 'rustok_app',
    statement_timeout_ms: 30_000,
    embedded_shared_buffers_mb: 8,
    read_urls: [] as string[],
    replica_max_lag_ms: 10_000,
    replica_check_ms: 1_000,
    read_your_writes_ms: 5_000,
  },
};

it('starts a new data directory from a migrated image, then reopens it without asking for the image again', async () => {
  const asked: string[] = [];
  const embeddedImage = async (appRole: string, modules: readonly ModuleDefinition[]) => {
    asked.push(`${appRole}:${modules.map((m) => m.slug).join(',')}`);
    return image;
  };
  const first = await openDatabase({ config, root: dir, migrate: [fixture], embeddedImage });
  try {
    expect(asked).toEqual(['rustok_app:jot']);
    expect(existsSync(join(dir, 'data', 'pglite', 'PG_VERSION'))).toBe(true);
    // Nothing left to apply: the image held the migration.
    expect(first.migrations?.applied).toEqual([]);
    await first.db.query('INSERT INTO jots (id) VALUES (7)');
    const { rows } = await first.db.query<{ user: string }>('SELECT current_user AS user');
    expect(rows[0]?.user).toBe('rustok_app');
  } finally {
    await first.db.close();
  }
  const second = await openDatabase({ config, root: dir, migrate: [fixture], embeddedImage });
  try {
    expect(asked).toHaveLength(1);
    const { rows } = await second.db.query<{ id: number }>('SELECT id FROM jots');
    expect(rows).toEqual([{ id: 7 }]);
  } finally {
    await second.db.close();
  }
}, 120_000);
