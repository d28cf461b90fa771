import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeOnBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const MCP = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/**
 * MCP audit rows are written in the background (packages/mcp/src/audit/batch.ts): a second server
 * instance over the same database answers a burst of calls and is closed at once; every call's row
 * must be in the database afterwards.
 */
describeOnBackend('postgres', 'MCP audit rows on a normal shutdown', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    tenant = await p.createTenant('mcp-shutdown');
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  const count = async () =>
    p.database.db.transaction(
      async (tx) =>
        (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM mcp_audit WHERE tool = 'search_content'")).rows[0]?.n ?? 0,
      { tenantId: tenant.id },
    );

  it('writes the row of every answered call before the database closes', async () => {
    const before = await count();
    const other = await createTestPlatform({ backend, modules: builtInModules, shareDatabaseOf: p });
    const call = (i: number) => ({
      jsonrpc: '2.0',
      id: i,
      method: 'tools/call',
      params: { name: 'search_content', arguments: { q: `s${i}` } },
    });
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        other.app.inject({
          method: 'POST',
          url: '/mcp/shop',
          headers: { ...MCP, 'x-tenant-id': tenant.slug },
          // Single calls are answered directly, batches by the SDK: both leave their row.
          payload: JSON.stringify(i % 2 ? call(i) : [call(i)]),
        }),
      ),
    );
    for (const res of replies) expect(res.statusCode, res.body).toBe(200);
    await other.close();
    expect(await count()).toBe(before + 30);
  });
});
