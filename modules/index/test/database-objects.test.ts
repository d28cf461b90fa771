import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';

const SRC = join(import.meta.dirname, '../src');

/** The module's source outside its migrations: where a function must be called from to be kept. */
const callers = async (): Promise<string> => {
  const files = (await readdir(SRC, { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.includes('migrations') && !f.endsWith('.test.ts'),
  );
  return (await Promise.all(files.map((f) => readFile(join(SRC, f), 'utf8')))).join('\n');
};

describeEachBackend('index: database objects', (backend) => {
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

  it('keeps only functions that a statement, a trigger or a dynamic name of the module still calls', async () => {
    const { rows } = await t.db.query<{ name: string }>(
      `SELECT DISTINCT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'index\\_%' ORDER BY 1`,
    );
    const names = rows.map((r) => r.name);
    expect(names).not.toContain('index_products_newest');
    expect(names).not.toContain('index_product_by_handle');
    const source = await callers();
    // index_match_* / index_similar_* are named by their read model (search/match.ts); the summary by its trigger.
    const called = (name: string) =>
      source.includes(name) ||
      /^index_(match|similar)_(products|content)$/.test(name) ||
      (name === 'index_product_summary' && names.includes('index_products_summary_trigger'));
    expect(names.filter((name) => !called(name) && name !== 'index_products_summary_trigger')).toEqual([]);
  });
});
