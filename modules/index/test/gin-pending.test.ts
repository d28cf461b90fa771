import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';

describeEachBackend('index: GIN pending lists', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, [contentModule, commerceModule, indexModule]);
  });
  afterAll(() => t?.cleanup());

  it('every GIN index of the read models merges its pending list at 64 kB, so searches under writes stay cheap', async () => {
    const { rows } = await t.db.query<{ name: string; options: string[] | null }>(
      `SELECT c.relname AS name, c.reloptions AS options
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class tbl ON tbl.oid = i.indrelid
         JOIN pg_am am ON am.oid = c.relam
        WHERE am.amname = 'gin' AND tbl.relname IN ('index_products', 'index_content')
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['index_content_search', 'index_products_search']));
    for (const row of rows) expect(row.options ?? [], row.name).toContain('gin_pending_list_limit=64');
  });
});
