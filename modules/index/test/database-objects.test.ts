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
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['index_content_search_keys', 'index_products_search_keys']));
    // No index over every tenant's lexemes: a search reaches its own tenant's keys only.
    expect(names.filter((name) => name === 'index_products_search' || name === 'index_content_search')).toEqual([]);
    for (const row of rows) expect(row.options ?? [], row.name).toContain('gin_pending_list_limit=64');
  });

  it("finds a tenant's search candidates through keys of that tenant only, lexeme for lexeme as the search vector", async () => {
    const tenant = '01a23e1d-f68e-7fcf-a6fb-af39876f17a5';
    const { rows } = await t.db.query<{ keys: string; query: string; same: boolean; other: boolean }>(
      `SELECT index_tenant_lexemes($1, v)::text AS keys, index_tenant_tsquery($1, q)::text AS query,
              index_tenant_lexemes($1, v) @@ index_tenant_tsquery($1, q) AS same,
              index_tenant_lexemes($1, v) @@ index_tenant_tsquery('01a23e1d-0000-7000-8000-000000000001', q) AS other
         FROM (SELECT to_tsvector('english', 'Leather chair''s "arm", O''Brien \\ back') AS v,
                      websearch_to_tsquery('english', '"leather chair" -sofa') || to_tsquery('english', 'o''brien:*') AS q) x`,
      [tenant],
    );
    const row = rows[0];
    expect(row?.keys).toMatch(/^'af39876f17a5/);
    expect(row?.keys.split(' ').every((entry) => entry.startsWith("'af39876f17a5"))).toBe(true);
    expect(row?.query).toContain("'af39876f17a5leather' <-> 'af39876f17a5chair'");
    expect(row?.same).toBe(true);
    expect(row?.other).toBe(false);
  });

  it("keys a product search by tenant and locale: another locale's or tenant's keys never match, the planner inlines the query's keys", async () => {
    const tenant = '01a23e1d-f68e-7fcf-a6fb-af39876f17a5';
    const { rows } = await t.db.query<{ keys: string; query: string; same: boolean; locale: boolean; region: boolean; other: boolean }>(
      `SELECT index_search_lexemes($1, 'en', v)::text AS keys, index_search_tsquery($1, 'en', q)::text AS query,
              index_search_lexemes($1, 'en', v) @@ index_search_tsquery($1, 'en', q) AS same,
              index_search_lexemes($1, 'ru', v) @@ index_search_tsquery($1, 'en', q) AS locale,
              index_search_lexemes($1, 'en-US', v) @@ index_search_tsquery($1, 'en', q) AS region,
              index_search_lexemes($1, 'en', v) @@ index_search_tsquery('01a23e1d-0000-7000-8000-000000000001', 'en', q) AS other
         FROM (SELECT to_tsvector('english', 'Leather chair''s "arm", O''Brien \\ back') AS v,
                      websearch_to_tsquery('english', '"leather chair" -sofa') || to_tsquery('english', 'o''brien:*') AS q) x`,
      [tenant],
    );
    const row = rows[0];
    expect(row?.keys.split(' ').every((entry) => entry.startsWith("'af39876f17a5en."))).toBe(true);
    expect(row?.query).toContain("'af39876f17a5en.leather' <-> 'af39876f17a5en.chair'");
    expect(row).toMatchObject({ same: true, locale: false, region: false, other: false });
    const blockers = await t.db.query<{ blocked: boolean }>(
      `SELECT p.prosecdef OR p.proconfig IS NOT NULL AS blocked FROM pg_proc p WHERE p.proname = 'index_search_tsquery'`,
    );
    // No SECURITY DEFINER and no SET clause: either would keep the planner from inlining it.
    expect(blockers.rows.map((r) => r.blocked)).toEqual([false]);
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
    const triggered = (
      await t.db.query<{ name: string }>(
        `SELECT DISTINCT p.proname AS name FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE NOT g.tgisinternal`,
      )
    ).rows.map((r) => r.name);
    // index_match_* / index_similar_* are named by their read model (search/match.ts); the summary by its trigger;
    // the tenant's search keys by the generated column and the candidate functions; trigger functions by their triggers,
    // the postings of a vector by the postings triggers.
    const called = (name: string) =>
      source.includes(name) ||
      triggered.includes(name) ||
      (name === 'index_postings_of' && triggered.includes('index_postings_inserted')) ||
      /^index_(match|similar)_(products|content)$/.test(name) ||
      (name === 'index_product_summary' && names.includes('index_products_summary_trigger')) ||
      ((name === 'index_tenant_lexemes' || name === 'index_tenant_tsquery') && names.includes('index_match_content')) ||
      ((name === 'index_search_lexemes' || name === 'index_search_tsquery') && names.includes('index_search_page'));
    expect(names.filter((name) => !called(name) && name !== 'index_products_summary_trigger')).toEqual([]);
  });
});
