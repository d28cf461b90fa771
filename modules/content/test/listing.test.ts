import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentModule } from '../src/index.js';
import type { ContentNode } from '../src/kit.js';
import { caller, expectProblem } from './helpers.js';

describeEachBackend('content lists, RBAC and GraphQL', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let editor: { userId: string; headers: Record<string, string> };
  let call: ReturnType<typeof caller>;
  const create = async (body: Record<string, unknown>, headers = editor.headers) => {
    const res = await call('POST', '/content/nodes', headers, { kind: 'article', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ContentNode>();
  };
  const ids = async (query: string, headers = editor.headers) => {
    const res = await call('GET', `/content/nodes?${query}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ContentNode[] }>().items.map((n) => n.id);
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule] });
    call = caller(p);
    tenant = await p.createTenant('content-b');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    editor = await p.userWithToken(tenant.id, ['editor']);
  });
  afterAll(() => p?.close());

  it('pages with a stable cursor, also while nodes are added', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await create({ title: `Paged ${i}`, kind: 'paged' })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/content/nodes?kind=paged&limit=2${cursor ? `&cursor=${cursor}` : ''}`, editor.headers);
      const page = res.json<{ items: ContentNode[]; nextCursor: string | null }>();
      seen.push(...page.items.map((n) => n.id));
      if (seen.length === 2) await create({ title: 'Added meanwhile', kind: 'paged' });
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    expectProblem(await call('GET', '/content/nodes?limit=1000', editor.headers), 422);
  });

  it('filters by kind, status, category, tag, locale and author', async () => {
    const cat = await call('POST', '/content/categories', editor.headers, { name: 'Новости' });
    expect(cat.json()).toMatchObject({ slug: 'novosti', depth: 0 });
    const child = await call('POST', '/content/categories', editor.headers, { name: 'Local', parentId: cat.json<{ id: string }>().id });
    expect(child.json()).toMatchObject({ depth: 1 });
    const tag = (await call('POST', '/content/tags', editor.headers, { name: 'Rust' })).json<{ id: string }>();
    const categoryId = cat.json<{ id: string }>().id;
    const a = await create({ title: 'Filter A', kind: 'filtered', categoryId, tagIds: [tag.id] });
    const b = await create({ title: 'Filter B', kind: 'filtered', locale: 'ru' }, admin);
    await call('POST', `/content/nodes/${b.id}/publish`, editor.headers);
    expect(await ids('kind=filtered')).toEqual([b.id, a.id]);
    expect(await ids('kind=filtered&status=published')).toEqual([b.id]);
    expect(await ids(`category=${categoryId}`)).toEqual([a.id]);
    expect(await ids(`tag=${tag.id}`)).toEqual([a.id]);
    expect(await ids('kind=filtered&locale=ru')).toEqual([b.id]);
    expect(await ids(`kind=filtered&author=${editor.userId}`)).toEqual([a.id]);
    // Anonymous readers see published nodes only.
    expect(await ids('kind=filtered', { 'x-tenant-id': tenant.id })).toEqual([b.id]);
    expectProblem(await call('GET', `/content/nodes/${a.id}`, { 'x-tenant-id': tenant.id }), 404);
    const cats = (await call('GET', '/content/categories', { 'x-tenant-id': tenant.id })).json<{ items: unknown[] }>();
    expect(cats.items).toHaveLength(2);
    expect(await call('DELETE', `/content/categories/${categoryId}`, editor.headers)).toMatchObject({ statusCode: 204 });
    expect((await call('GET', `/content/nodes/${a.id}`, editor.headers)).json()).toMatchObject({ categoryId: null });
  });

  it('lets editors write, refuses customers, and limits update_own to own nodes', async () => {
    const customer = await p.userWithToken(tenant.id, ['customer']);
    expectProblem(await call('POST', '/content/nodes', customer.headers, { kind: 'post', title: 'no' }), 403, 'AUTH_FORBIDDEN');
    const role = await call('PUT', '/auth/roles/author', admin, {
      permissions: ['content.nodes.create', 'content.nodes.update_own', 'content.nodes.read'],
    });
    expect(role.statusCode, role.body).toBe(200);
    const author = await p.userWithToken(tenant.id, ['author']);
    const own = await create({ title: 'Mine' }, author.headers);
    const others = await create({ title: 'Theirs' });
    expect((await call('PATCH', `/content/nodes/${own.id}`, author.headers, { title: 'Mine, edited' })).statusCode).toBe(200);
    expectProblem(await call('PATCH', `/content/nodes/${others.id}`, author.headers, { title: 'Hijacked' }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('PUT', `/content/nodes/${others.id}/translations/ru`, author.headers, { title: 'Нет' }), 403);
    expectProblem(await call('POST', `/content/nodes/${own.id}/publish`, author.headers), 403);
    expect((await call('PATCH', `/content/nodes/${own.id}`, editor.headers, { title: 'Edited by editor' })).statusCode).toBe(200);
    expectProblem(await call('PATCH', `/content/nodes/${own.id}`, { 'x-tenant-id': tenant.id }, { title: 'anon' }), 401);
  });

  it('creates, publishes and reads nodes over GraphQL', async () => {
    const gql = async (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
      (await p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } })).json<{
        data?: Record<string, Record<string, unknown> | null>;
        errors?: { extensions?: { code?: string } }[];
      }>();
    const created = await gql(
      editor.headers,
      'mutation ($input: CreateContentNodeInput!) { createContentNode(input: $input) { id slug status locale bodyHtml } }',
      { input: { kind: 'gql', title: 'Через GraphQL', body: '**bold**<script>x</script>' } },
    );
    expect(created.errors).toBeUndefined();
    const node = created.data?.createContentNode as { id: string };
    expect(node).toMatchObject({ slug: 'cherez-graphql', status: 'draft', locale: 'en', bodyHtml: '<p><strong>bold</strong></p>\n' });
    const refused = await gql({ 'x-tenant-id': tenant.id }, 'mutation ($id: ID!) { publishContentNode(id: $id) { id } }', { id: node.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('AUTH_REQUIRED');
    const published = await gql(editor.headers, 'mutation ($id: ID!) { publishContentNode(id: $id) { status } }', { id: node.id });
    expect(published.data?.publishContentNode).toEqual({ status: 'published' });
    const updated = await gql(
      editor.headers,
      'mutation ($id: ID!) { updateContentNode(id: $id, input: { title: "Renamed" }) { title revision } }',
      {
        id: node.id,
      },
    );
    expect(updated.data?.updateContentNode).toEqual({ title: 'Renamed', revision: 3 });
    const read = await gql({ 'x-tenant-id': tenant.id }, 'query ($id: ID!) { contentNode(id: $id, locale: "ru") { title locale } }', {
      id: node.id,
    });
    expect(read.data?.contentNode).toEqual({ title: 'Renamed', locale: 'en' });
    const list = await gql(editor.headers, '{ contentNodes(filter: { kind: "gql" }, first: 5) { items { id } nextCursor } }');
    expect(list.data?.contentNodes).toEqual({ items: [{ id: node.id }], nextCursor: null });
    const bad = await gql(editor.headers, 'mutation { createContentNode(input: { kind: "gql", title: "" }) { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const deleted = await gql(editor.headers, 'mutation ($id: ID!) { deleteContentNode(id: $id) }', { id: node.id });
    expect(deleted.data?.deleteContentNode).toBe(true);
  });
});
