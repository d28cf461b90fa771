import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import { generateId, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RebuildProgress, rebuildTenant, verifyTenant } from '../src/contracts.js';
import { indexModule } from '../src/index.js';
import { caller, drained, ok } from './helpers.js';

describeEachBackend('index: rebuild in resumable batches', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let other: TenantRef;

  const countRows = async (tenantId: string) =>
    (await p.database.db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM index_content'), { tenantId })).rows[0]
      ?.n;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, indexModule] });
    const call = caller(p);
    tenant = await p.createTenant('index-rebuild');
    other = await p.createTenant('index-rebuild-other');
    for (const t of [tenant, other]) {
      const editor = (await p.userWithToken(t.id, ['editor'])).headers;
      for (let i = 0; i < 7; i++) {
        const node = await ok<ContentNode>(call('POST', '/content/nodes', editor, { kind: 'post', title: `Batch item ${i}` }), 201);
        await ok(call('POST', `/content/nodes/${node.id}/publish`, editor));
      }
    }
    await drained(p);
  });
  afterAll(() => p?.close());

  it('resumes after its last committed batch, purges rows of vanished items, and touches no other tenant', async () => {
    const otherRows = await countRows(other.id);
    await p.database.db.transaction(
      async (tx) => {
        await tx.query('DELETE FROM index_content WHERE node_id IN (SELECT DISTINCT node_id FROM index_content ORDER BY node_id LIMIT 3)');
        await tx.query(
          `INSERT INTO index_content (node_id, locale, text_locale, status, kind, title, slug, search_vector, source_version)
           VALUES ($1, 'en', 'en', 'published', 'post', 'Ghost', 'ghost', to_tsvector('ghost'), 1)`,
          [generateId()],
        );
      },
      { tenantId: tenant.id },
    );
    const [broken] = await verifyTenant(p.database.db, tenant.id, { kinds: ['content'] });
    expect(broken).toMatchObject({ missing: 6, orphaned: 1, drift: 7 });
    const seen: RebuildProgress[] = [];
    const interrupted = rebuildTenant(p.database.db, tenant.id, {
      kinds: ['content'],
      batchSize: 3,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.processed === 3) throw new Error('stopped half-way');
      },
    });
    await expect(interrupted).rejects.toThrow('stopped half-way');
    const resumed: RebuildProgress[] = [];
    const [report] = await rebuildTenant(p.database.db, tenant.id, {
      kinds: ['content'],
      batchSize: 3,
      onProgress: (x) => resumed.push(x),
    });
    expect(resumed[0]).toMatchObject({ processed: 3, total: 7, resumed: true });
    expect(resumed.at(-1)).toMatchObject({ processed: 7, total: 7 });
    expect(report).toEqual({ kind: 'content', items: 7, purged: 1 });
    expect((await verifyTenant(p.database.db, tenant.id, { kinds: ['content'] }))[0]?.drift).toBe(0);
    expect(await countRows(other.id)).toBe(otherRows);
    const fresh = await rebuildTenant(p.database.db, tenant.id, { kinds: ['content'], batchSize: 3, onProgress: (x) => seen.push(x) });
    expect(fresh[0]).toEqual({ kind: 'content', items: 7, purged: 0 });
    expect(seen.at(-1)?.resumed).toBe(false);
  });
});
