import { spawnSync } from 'node:child_process';
import { withOwnerConnection } from '@rustok/db';
import { defineModule, generateId } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { APP_ROLE, openTestDatabase, postgresSkipReason, type TestBackend, testBackends } from './databases.js';
import { migrationKey } from './pglite-images.js';
import { pruneOld } from './postgres-templates.js';

/** A module whose one migration creates a table with the given column. */
const moduleWith = (column: string) =>
  defineModule({
    slug: 'tpltest',
    name: 'Template test',
    description: 'Test fixture',
    version: '0.0.1',
    kind: 'optional',
    migrations: [{ name: 'm20260101_tpltest_001_create', up: `CREATE TABLE tpltest_items (${column} int)` }],
  });

const postgres = testBackends().find((b) => b.name === 'postgres');

describe.skipIf(!postgres)(`migrated PostgreSQL templates [postgres${postgres ? '' : `: skipped, ${postgresSkipReason()}`}]`, () => {
  it('builds a migration set once, even for databases opened at the same time, and copies it into each', async () => {
    const column = `c_${generateId().replace(/-/g, '').slice(-12)}`;
    const module = moduleWith(column);
    const template = `rustok_tpl_${migrationKey(APP_ROLE, [module])}`;
    const backend = postgres as TestBackend;
    const adminUrl = backend.url as string;
    const opened = await Promise.all([1, 2, 3].map(() => openTestDatabase(backend, [module])));
    try {
      for (const t of opened) {
        const { rows } = await t.db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'tpltest_items'`,
        );
        expect(rows.map((r) => r.column_name)).toEqual([column]);
        expect(t.migrations?.applied).toEqual(['m20260101_tpltest_001_create']);
      }
      const names = await withOwnerConnection(adminUrl, (admin) =>
        admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]),
      );
      // One template, and no build left behind under a scratch name.
      expect(names.rows.map((r) => r.datname)).toEqual([template]);
    } finally {
      await Promise.all(opened.map((t) => t.cleanup()));
      await withOwnerConnection(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${template}`));
    }
  });
  it('leaves another process’s build alone while it runs, and drops the scratch database of a build whose process is gone', async () => {
    const adminUrl = (postgres as TestBackend).url as string;
    const key = generateId().replace(/-/g, '').slice(-32);
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // exited: its build died half-way
    const running = `rustok_tpl_${key}_b${process.pid}`;
    const dead = `rustok_tpl_${key}_b${gone}`;
    await withOwnerConnection(adminUrl, async (admin) => {
      for (const name of [running, dead]) await admin.exec(`CREATE DATABASE ${name}`);
      try {
        await pruneOld(admin, `rustok_tpl_${key}`);
        const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
          `rustok_tpl_${key}%`,
        ]);
        expect(rows.map((r) => r.datname)).toEqual([running]);
      } finally {
        for (const name of [running, dead]) await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
      }
    });
  });
});
