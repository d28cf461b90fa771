import { withOwnerConnection } from '@rustok/db';
import { ensureOutboxPartitions } from '@rustok/events';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { type Call, caller, createTestPlatform, postgresSkipReason, type TestPlatform, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A fresh PostgreSQL database on which nothing analyzes tables by itself: autovacuum is turned off
 * for every table (whatever the server's own setting), as on a server running with autovacuum off.
 * Products written through the API must reach the index promptly, and the tables the writes and
 * the event-fed index fill must get statistics on the way (the platform's statistics job).
 */
const postgres = testBackends().find((b) => b.name === 'postgres');
const title = `statistics of a fresh database without autovacuum [postgres${postgres ? '' : `: skipped, ${postgresSkipReason()}`}]`;
const PRODUCTS = 2_000;
const CLIENTS = 10;
const INDEXED_WITHIN_MS = 30_000;
/** Tables the writes and the event-fed index fill; the outbox's are partitioned (their partitions that fill are checked). */
const TABLES = ['commerce_products', 'commerce_variants', 'index_products'];
const PARTITIONED = ['sys_events', 'sys_event_receipts'];
/** A partition holding at least this many rows must have been analyzed (fewer may stay under the threshold). */
const FILLED = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!postgres)(title, () => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let call: Call;
  let headers: Record<string, string>;
  const owner = <T>(fn: Parameters<typeof withOwnerConnection<T>>[1]) => withOwnerConnection(p.database.url ?? '', fn);

  beforeAll(async () => {
    if (!postgres) return;
    p = await createTestPlatform({ backend: postgres, modules: builtInModules });
    // Today's outbox partitions exist before autovacuum is turned off table by table.
    await ensureOutboxPartitions(p.database.db, 86_400_000);
    await owner(async (o) => {
      const { rows } = await o.query<{ name: string }>(
        "SELECT quote_ident(relname) AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'",
      );
      for (const { name } of rows) await o.query(`ALTER TABLE ${name} SET (autovacuum_enabled = false)`);
    });
    tenant = await p.createTenant('stats-fresh');
    headers = (await p.userWithToken(tenant.id, ['admin'])).headers;
    call = caller(p);
  }, 60_000);
  afterAll(() => p?.close());

  const state = () =>
    owner(async (o) => {
      const { rows } = await o.query<{ indexed: number; pending: number }>(
        `SELECT (SELECT count(DISTINCT product_id)::int FROM index_products WHERE tenant_id = $1 AND status = 'published') AS indexed,
                (SELECT count(*)::int FROM sys_events WHERE status = 'pending') AS pending`,
        [tenant.id],
      );
      return rows[0] ?? { indexed: 0, pending: -1 };
    });

  const writeProducts = async () => {
    let next = 0;
    const failures: string[] = [];
    const client = async () => {
      for (let i = next++; i < PRODUCTS; i = next++) {
        const res = await call('POST', '/commerce/products', headers, {
          title: `Fresh ${i}`,
          status: 'published',
          variants: [{ title: 'One', sku: `FRESH-${i}`, prices: [{ amount: 1_000 + i, currencyCode: 'USD' }], inventory: 1 }],
        });
        if (res.statusCode !== 201) failures.push(`${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    return failures;
  };

  it(`indexes ${PRODUCTS} products written through the API within 30 s of the last write, analyzing the tables on the way`, async () => {
    expect(await writeProducts()).toEqual([]);
    const deadline = Date.now() + INDEXED_WITHIN_MS;
    let now = await state();
    while (!(now.indexed === PRODUCTS && now.pending === 0) && Date.now() < deadline) {
      await sleep(200);
      now = await state();
    }
    expect(now).toEqual({ indexed: PRODUCTS, pending: 0 });

    const filled = await owner((o) =>
      o.query<{ t: string }>(
        PARTITIONED.map((t) => `SELECT tableoid::regclass::text AS t FROM ${t} GROUP BY 1 HAVING count(*) >= ${FILLED}`).join(' UNION '),
      ),
    );
    expect(filled.rows.length).toBeGreaterThanOrEqual(PARTITIONED.length);
    const tables = [...TABLES, ...filled.rows.map((r) => r.t)].sort();
    const { rows } = await owner((o) =>
      o.query<{ relname: string; analyzed: number; autovacuum: string[] | null }>(
        `SELECT s.relname, s.analyze_count + s.autoanalyze_count AS analyzed, c.reloptions AS autovacuum
           FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = ANY ($1) ORDER BY s.relname`,
        [tables],
      ),
    );
    expect(rows.map((r) => r.relname)).toEqual(tables);
    for (const r of rows) {
      expect(r.autovacuum, r.relname).toEqual(['autovacuum_enabled=false']);
      expect(r.analyzed, `${r.relname} analyzed`).toBeGreaterThan(0);
    }
  }, 150_000);
});
