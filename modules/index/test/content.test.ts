import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyTenant } from '../src/contracts.js';
import { indexModule } from '../src/index.js';
import type { StoreContentItem, StoreContentSummary } from '../src/schemas.js';
import { caller, drained, expectProblem, ok, type Page, waitFor } from './helpers.js';

describeEachBackend('index: content read model', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  let call: ReturnType<typeof caller>;
  const visitor = () => ({ 'x-tenant-id': tenant.id });
  const create = (body: Record<string, unknown>) => ok<ContentNode>(call('POST', '/content/nodes', editor, { kind: 'post', ...body }), 201);
  const publish = (id: string) => ok<ContentNode>(call('POST', `/content/nodes/${id}/publish`, editor));
  const search = (query: string) => ok<Page<StoreContentSummary>>(call('GET', `/store/content?${query}`, visitor()));
  const found = (query: string, id: string) => async () => (await search(query)).items.find((i) => i.id === id);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, indexModule] });
    call = caller(p);
    tenant = await p.createTenant('index-content');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
  });
  afterAll(() => p?.close());

  it('shows a published node in search within a second, and drops it when unpublished', async () => {
    const node = await create({ title: 'Quarterly harvest festival', body: 'Pumpkins and **cider** for everyone.' });
    expect((await search('q=harvest')).items).toHaveLength(0);
    await publish(node.id);
    const { value: item, ms } = await waitFor(found('q=harvest', node.id), 1_000, 'visible in /store/content');
    expect(ms).toBeLessThan(1_000);
    expect(item).toMatchObject({ kind: 'post', slug: 'quarterly-harvest-festival', locale: 'en', textLocale: 'en' });
    expect(item.bodyPreview).toBe('Pumpkins and cider for everyone.');
    const one = await ok<StoreContentItem>(call('GET', '/store/content/post/quarterly-harvest-festival', visitor()));
    expect(one.bodyHtml).toContain('<strong>cider</strong>');
    await ok(call('POST', `/content/nodes/${node.id}/transitions`, editor, { to: 'draft' }));
    await waitFor(async () => !(await found('q=harvest', node.id)()), 1_000, 'gone from /store/content');
    expectProblem(await call('GET', '/store/content/post/quarterly-harvest-festival', visitor()), 404, 'INDEX_CONTENT_NOT_FOUND');
  });

  it('finds a translation in its own locale with that locale’s stemming, and the fallback text elsewhere', async () => {
    const node = await create({ title: 'Running shoes for winter', body: 'Our runners test them on ice.' });
    await ok(
      call('PUT', `/content/nodes/${node.id}/translations/ru`, editor, {
        title: 'Обзор кроссовок для зимы',
        body: 'Бегуны проверяют их на льду.',
      }),
    );
    await publish(node.id);
    // English stemming: "run" finds "Running"; Russian: «кроссовки» (query) finds «кроссовок».
    await waitFor(found('q=run&locale=en', node.id), 2_000, 'english stem');
    const ru = await waitFor(found(`q=${encodeURIComponent('кроссовки')}&locale=ru`, node.id), 2_000, 'russian stem');
    expect(ru.value).toMatchObject({ locale: 'ru', textLocale: 'ru', title: 'Обзор кроссовок для зимы' });
    expect(await found(`q=${encodeURIComponent('бегуны')}&locale=ru`, node.id)()).toBeTruthy();
    expect(await found(`q=${encodeURIComponent('кроссовки')}&locale=en`, node.id)()).toBeUndefined();
  });

  it('still finds a node when the query has a typo', async () => {
    const node = await create({ title: 'Welcome to the observatory', body: 'Telescopes.' });
    await publish(node.id);
    await waitFor(found('q=observatory', node.id), 2_000, 'indexed');
    const page = await search('q=obsevratory');
    expect(page.match).toBe('fuzzy');
    expect(page.items.map((i) => i.id)).toContain(node.id);
    const none = await search('q=zzqqxxyy');
    expect(none.items).toHaveLength(0);
  });

  it('pages stably while new nodes are published between pages', async () => {
    const kind = 'note';
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const node = await create({ kind, title: `Stable page item ${i}` });
      await publish(node.id);
      ids.push(node.id);
    }
    await drained(p);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoreContentSummary> = await search(`kind=${kind}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      const extra = await create({ kind, title: `Inserted while paging ${seen.length}` });
      await publish(extra.id);
      await drained(p);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen.filter((s) => s === id)).toHaveLength(1);
  });

  it('verify reports no drift after a rebuild and the corrupted rows after a hand edit', async () => {
    await drained(p);
    await ok(call('POST', '/index/rebuild', (await p.userWithToken(tenant.id, ['admin'])).headers, { kinds: ['content'] }), 202);
    await drained(p);
    const clean = await verifyTenant(p.database.db, tenant.id, { kinds: ['content'] });
    expect(clean[0]).toMatchObject({ kind: 'content', drift: 0, missing: 0, stale: 0, orphaned: 0 });
    expect(clean[0]?.expectedRows).toBeGreaterThan(10);
    await p.database.db.transaction(
      (tx) => tx.query("UPDATE index_content SET title = 'corrupted' WHERE slug = 'welcome-to-the-observatory'"),
      {
        tenantId: tenant.id,
      },
    );
    const dirty = await verifyTenant(p.database.db, tenant.id, { kinds: ['content'] });
    expect(dirty[0]?.stale).toBe(2); // the en row and the ru row (falling back to the English text)
    expect(dirty[0]?.samples[0]).toMatchObject({ problem: 'stale', fields: ['title'] });
  });
});
