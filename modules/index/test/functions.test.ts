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

describeEachBackend('index: database functions', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, [contentModule, commerceModule, indexModule]);
  });
  afterAll(() => t?.cleanup());

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
