import { defineModule } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_SHARED_BUFFERS_MB } from './databases.js';

/** A module whose one migration creates a table with the given column. */
const moduleWith = (suffix: string, column: string) =>
  defineModule({
    slug: 'imgtest',
    name: 'Image test',
    description: 'Test fixture',
    version: '0.0.1',
    kind: 'optional',
    migrations: [{ name: 'm20260101_imgtest_001_create', up: `CREATE TABLE imgtest_${suffix} (${column} int)` }],
  });

const columnsOf = async (db: Awaited<ReturnType<typeof openTestDatabase>>['db'], table: string) =>
  (await db.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table])).rows.map(
    (r) => r.column_name,
  );

describe('migrated PGlite images', () => {
  it('gives each version of a migration its own image, with the report of its run', async () => {
    const suffix = 'fixture';
    for (const column of ['first_version', 'second_version', 'first_version']) {
      const t = await openTestDatabase({ name: 'pglite' }, [moduleWith(suffix, column)]);
      try {
        expect(await columnsOf(t.db, `imgtest_${suffix}`)).toEqual([column]);
        expect(t.migrations?.applied).toEqual(['m20260101_imgtest_001_create']);
      } finally {
        await t.cleanup();
      }
    }
    // Two images are built from scratch (4–7 s each on two idle cores).
  }, 90_000);

  it('holds the database PGlite serves and no template databases, and opens with the server’s buffer cache', async () => {
    const t = await openTestDatabase({ name: 'pglite' }, []);
    try {
      const { rows } = await t.db.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY datname');
      expect(rows.map((r) => r.datname)).toEqual(['postgres']);
      const buffers = await t.db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(buffers.rows[0]?.shared_buffers).toBe(`${TEST_SHARED_BUFFERS_MB}MB`);
    } finally {
      await t.cleanup();
    }
  }, 90_000);
});
