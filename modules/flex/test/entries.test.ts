import type { TenantRef } from '@rustok/kernel';
import {
  caller,
  createTestPlatform,
  describeEachBackend,
  expectProblem,
  graphqlClient,
  ok,
  outboxEvents,
  type TestPlatform,
} from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlexEntry } from '../src/contracts.js';
import flexModule from '../src/index.js';

type Headers = Record<string, string>;
type EntryPage = { items: FlexEntry[]; nextCursor: string | null };
type Problem = { code: string; errors?: { path: string; message: string }[] };

const MAX_ENTRY_BYTES = 16_384;
const BOOK = {
  slug: 'book',
  name: 'Book',
  fields: [
    { key: 'title', type: 'text', required: true, maxLength: 100, access: 'public' },
    { key: 'isbn', type: 'text', unique: true, pattern: '^[0-9-]{10,17}$' },
    { key: 'pages', type: 'integer', min: 1, max: 5000 },
    { key: 'genre', type: 'enum', choices: ['novel', 'poetry'], access: 'public' },
    { key: 'published_on', type: 'date' },
    { key: 'blurb', type: 'rich_text', access: 'public' },
    { key: 'note', type: 'text' },
  ],
};
const FIELDS = 'id schema schemaVersion slug status values createdAt updatedAt publishedAt';

describeEachBackend('flex entries over HTTP and GraphQL', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let adminA: Headers;
  let editorA: Headers;
  let customerA: Headers;
  let adminB: Headers;
  let publicA: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data, codes, gql } = graphqlClient(() => p);
  const entryEvents = (tenantId: string, entryId: string) =>
    outboxEvents(p, tenantId, "type LIKE 'flex.entry.%'", (payload) => payload.entryId === entryId);
  const create = (headers: Headers, body: Record<string, unknown>, schema = 'book') =>
    ok<FlexEntry>(call('POST', `/flex/schemas/${schema}/entries`, headers, body), 201);

  beforeAll(async () => {
    p = await createTestPlatform({
      backend,
      modules: [flexModule],
      config: { settings: { rustok: { flex: { max_entry_bytes: MAX_ENTRY_BYTES } } } },
    });
    a = await p.createTenant('flex-entries-a');
    b = await p.createTenant('flex-entries-b');
    adminA = (await p.userWithToken(a.id, ['admin'])).headers;
    editorA = (await p.userWithToken(a.id, ['editor'])).headers;
    customerA = (await p.userWithToken(a.id, ['customer'])).headers;
    adminB = (await p.userWithToken(b.id, ['admin'])).headers;
    publicA = { 'x-tenant-id': a.id };
    await ok(call('POST', '/flex/schemas', adminA, BOOK), 201);
    await ok(
      call('POST', '/flex/schemas', adminA, { slug: 'memo', name: 'Memo', fields: [{ key: 'n', type: 'integer', access: 'public' }] }),
      201,
    );
  });
  afterAll(() => p?.close());

  it('creates entries of a schema defined at run time, with their events in the same transaction', async () => {
    const draft = await create(editorA, { slug: 'dune', values: { title: 'Dune', pages: 412, genre: 'novel', note: 'signed copy' } });
    expect(draft).toMatchObject({ schema: 'book', schemaVersion: 1, slug: 'dune', status: 'draft', publishedAt: null });
    expect(draft.values).toEqual({ title: 'Dune', pages: 412, genre: 'novel', note: 'signed copy' });
    const live = await create(editorA, { values: { title: 'Odes' }, status: 'published' });
    expect(live).toMatchObject({ status: 'published', slug: null, publishedAt: expect.any(String) });
    expect((await entryEvents(a.id, draft.id)).map((e) => e.type)).toEqual(['flex.entry.created']);
    const events = await entryEvents(a.id, live.id);
    expect(events.map((e) => e.type)).toEqual(['flex.entry.created', 'flex.entry.published']);
    expect(events[0]?.payload).toMatchObject({ entryId: live.id, schema: 'book', schemaVersion: 1, status: 'published' });
    expectProblem(await call('POST', '/flex/schemas/book/entries', customerA, { values: { title: 'No' } }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('POST', '/flex/schemas/nothing/entries', editorA, { values: {} }), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expectProblem(
      await call('POST', '/flex/schemas/book/entries', editorA, { slug: 'dune', values: { title: 'Again' } }),
      409,
      'FLEX_ENTRY_SLUG_TAKEN',
    );
  });

  it('refuses invalid values with 422 listing each failing field, and writes nothing', async () => {
    const before = (await outboxEvents(p, a.id, "type LIKE 'flex.entry.%'")).length;
    const res = await call('POST', '/flex/schemas/book/entries', editorA, {
      values: { pages: 0, genre: 'cookbook', published_on: 'yesterday', isbn: 'x', colour: 'red' },
    });
    expectProblem(res, 422, 'VALIDATION_FAILED');
    const paths = (res.json<Problem>().errors ?? []).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/values/title', '/values/pages', '/values/genre', '/values/published_on', '/values/isbn']),
    );
    expect((await outboxEvents(p, a.id, "type LIKE 'flex.entry.%'")).length).toBe(before);
  });

  it('refuses values larger than max_entry_bytes', async () => {
    const res = await call('POST', '/flex/schemas/book/entries', editorA, { values: { title: 'Big', note: 'x'.repeat(MAX_ENTRY_BYTES) } });
    expectProblem(res, 422, 'FLEX_ENTRY_TOO_LARGE');
  });

  it('keeps unique values unique within the schema, on create and on update', async () => {
    const first = await create(editorA, { values: { title: 'One', isbn: '978-0-00-000001' } });
    const taken = await call('POST', '/flex/schemas/book/entries', editorA, { values: { title: 'Two', isbn: '978-0-00-000001' } });
    expectProblem(taken, 409, 'FLEX_VALUE_NOT_UNIQUE');
    expect(taken.json<Problem>().errors?.map((e) => e.path)).toEqual(['/values/isbn']);
    const second = await create(editorA, { values: { title: 'Two', isbn: '978-0-00-000002' } });
    const clash = await call('PATCH', `/flex/entries/${second.id}`, editorA, { values: { title: 'Two', isbn: '978-0-00-000001' } });
    expectProblem(clash, 409, 'FLEX_VALUE_NOT_UNIQUE');
    const racing = await Promise.all(
      ['Three', 'Four'].map((title) => call('POST', '/flex/schemas/book/entries', editorA, { values: { title, isbn: '978-0-00-000003' } })),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const same = await ok<FlexEntry>(
      call('PATCH', `/flex/entries/${first.id}`, editorA, { values: { title: 'One!', isbn: '978-0-00-000001' } }),
    );
    expect(same.values.title).toBe('One!');
  });

  it('stores rich text sanitised', async () => {
    const entry = await create(editorA, {
      values: { title: 'Safe', blurb: '<p onclick="steal()">Hello <strong>you</strong><script>alert(1)</script></p>' },
    });
    const read = await ok<FlexEntry>(call('GET', `/flex/entries/${entry.id}`, editorA));
    const blurb = String(read.values.blurb);
    expect(blurb).toContain('Hello <strong>you</strong>');
    expect(blurb).not.toMatch(/script|onclick|alert/);
  });

  it('pages 45 entries by 20 newest first, with no duplicates and a stable order', async () => {
    const made: string[] = [];
    for (let n = 0; n < 45; n++) made.push((await create(editorA, { values: { n } }, 'memo')).id);
    const seen: FlexEntry[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/flex/schemas/memo/entries?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const page: EntryPage = await ok<EntryPage>(call('GET', url, editorA));
      sizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([20, 20, 5]);
    expect(seen.map((e) => e.id)).toEqual([...made].reverse());
    expect(new Set(seen.map((e) => e.id)).size).toBe(45);
    const again = await ok<EntryPage>(call('GET', '/flex/schemas/memo/entries?limit=20', editorA));
    expect(again.items.map((e) => e.id)).toEqual(seen.slice(0, 20).map((e) => e.id));
    expectProblem(await call('GET', '/flex/schemas/memo/entries?limit=101', editorA), 422, 'VALIDATION_FAILED');
    expectProblem(await call('GET', '/flex/schemas/memo/entries?cursor=not-a-cursor', editorA), 422, 'FLEX_CURSOR_INVALID');
    const list = await data<EntryPage>('flexEntries', editorA, '{ flexEntries(schema: "memo", first: 20) { items { id } nextCursor } }');
    expect(list.items.map((e) => e.id)).toEqual(seen.slice(0, 20).map((e) => e.id));
    expect(await codes(editorA, '{ flexEntries(schema: "memo", first: 101) { items { id } } }')).toEqual(['VALIDATION_FAILED']);
  });

  it('shows the public published entries and their public fields only; editors see drafts and every value', async () => {
    const draft = await create(editorA, { values: { title: 'Hidden', note: 'internal' } });
    const live = await create(editorA, {
      values: { title: 'Shown', genre: 'poetry', note: 'internal', isbn: '978-0-00-000009' },
      status: 'published',
    });
    const publicList = await ok<EntryPage>(call('GET', '/flex/schemas/book/entries?limit=100&status=draft', publicA));
    expect(publicList.items.every((e) => e.status === 'published')).toBe(true);
    const shown = publicList.items.find((e) => e.id === live.id);
    expect(shown?.values).toEqual({ title: 'Shown', genre: 'poetry' });
    expect(publicList.items.map((e) => e.id)).not.toContain(draft.id);
    expect((await ok<FlexEntry>(call('GET', `/flex/entries/${live.id}`, publicA))).values).toEqual({ title: 'Shown', genre: 'poetry' });
    expectProblem(await call('GET', `/flex/entries/${draft.id}`, publicA), 404, 'FLEX_ENTRY_NOT_FOUND');

    const drafts = await ok<EntryPage>(call('GET', '/flex/schemas/book/entries?limit=100&status=draft', editorA));
    expect(drafts.items.map((e) => e.id)).toContain(draft.id);
    expect(drafts.items.every((e) => e.status === 'draft')).toBe(true);
    expect((await ok<FlexEntry>(call('GET', `/flex/entries/${draft.id}`, editorA))).values).toEqual({ title: 'Hidden', note: 'internal' });
    const gqlPublic = await data<FlexEntry>('flexEntry', publicA, `query ($id: ID!) { flexEntry(id: $id) { ${FIELDS} } }`, { id: live.id });
    expect(gqlPublic.values).toEqual({ title: 'Shown', genre: 'poetry' });
    expect(await codes(publicA, `query ($id: ID!) { flexEntry(id: $id) { id } }`, { id: draft.id })).toEqual(['FLEX_ENTRY_NOT_FOUND']);
  });

  it('publishes and unpublishes with events, and refuses to publish values the current version does not accept', async () => {
    const entry = await create(editorA, { values: { title: 'Versioned' } });
    const published = await ok<FlexEntry>(call('POST', `/flex/entries/${entry.id}/publish`, editorA));
    expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    await ok(call('GET', `/flex/entries/${entry.id}`, publicA));
    const unpublished = await ok<FlexEntry>(call('POST', `/flex/entries/${entry.id}/unpublish`, editorA));
    expect(unpublished).toMatchObject({ status: 'draft', publishedAt: null });
    expectProblem(await call('GET', `/flex/entries/${entry.id}`, publicA), 404, 'FLEX_ENTRY_NOT_FOUND');
    const events = await entryEvents(a.id, entry.id);
    expect(events.map((e) => e.type)).toEqual(['flex.entry.created', 'flex.entry.published', 'flex.entry.unpublished']);
    expect(events.map((e) => e.payload.status)).toEqual(['draft', 'published', 'draft']);

    const fields = [...BOOK.fields, { key: 'edition', type: 'integer', required: true }];
    await ok(call('PATCH', '/flex/schemas/book', adminA, { fields }));
    const refused = await call('POST', `/flex/entries/${entry.id}/publish`, editorA);
    expectProblem(refused, 422, 'VALIDATION_FAILED');
    expect(refused.json<Problem>().errors?.map((e) => e.path)).toEqual(['/values/edition']);
    const updated = await ok<FlexEntry>(
      call('PATCH', `/flex/entries/${entry.id}`, editorA, { values: { title: 'Versioned', edition: 2 } }),
    );
    expect(updated.schemaVersion).toBe(2);
    await ok(call('POST', `/flex/entries/${entry.id}/publish`, editorA));
    expect((await entryEvents(a.id, entry.id)).map((e) => e.type).slice(3)).toEqual(['flex.entry.updated', 'flex.entry.published']);
  });

  it('changes and deletes an entry', async () => {
    const entry = await create(editorA, { slug: 'to-go', values: { title: 'To go', edition: 1 } });
    const renamed = await ok<FlexEntry>(call('PATCH', `/flex/entries/${entry.id}`, editorA, { slug: null }));
    expect(renamed).toMatchObject({ slug: null, values: { title: 'To go', edition: 1 } });
    expectProblem(await call('PATCH', `/flex/entries/${entry.id}`, editorA, { slug: 'dune' }), 409, 'FLEX_ENTRY_SLUG_TAKEN');
    expectProblem(await call('PATCH', `/flex/entries/${entry.id}`, editorA, { values: { title: 'To go' } }), 422, 'VALIDATION_FAILED');
    expect((await call('DELETE', `/flex/entries/${entry.id}`, editorA)).statusCode).toBe(204);
    expectProblem(await call('GET', `/flex/entries/${entry.id}`, editorA), 404, 'FLEX_ENTRY_NOT_FOUND');
    expectProblem(await call('DELETE', `/flex/entries/${entry.id}`, editorA), 404, 'FLEX_ENTRY_NOT_FOUND');
    expect((await entryEvents(a.id, entry.id)).map((e) => e.type)).toEqual([
      'flex.entry.created',
      'flex.entry.updated',
      'flex.entry.deleted',
    ]);
  });

  it("answers 404 for another tenant's entry on every route, and writes nothing", async () => {
    const entry = await create(editorA, { values: { title: 'Of A', edition: 1 }, status: 'published' });
    const url = `/flex/entries/${entry.id}`;
    const routes: [string, string, unknown?][] = [
      ['GET', url],
      ['PATCH', url, { slug: 'taken-over' }],
      ['POST', `${url}/publish`],
      ['POST', `${url}/unpublish`],
      ['DELETE', url],
    ];
    for (const [method, path, body] of routes) {
      expectProblem(await call(method as 'GET', path, adminB, body), 404, 'FLEX_ENTRY_NOT_FOUND');
      expectProblem(await call(method as 'GET', path, { 'x-tenant-id': b.id }, body), method === 'GET' ? 404 : 401);
    }
    expectProblem(await call('GET', '/flex/schemas/book/entries', adminB), 404, 'FLEX_SCHEMA_NOT_FOUND');
    const byId = `query ($id: ID!) { flexEntry(id: $id) { id } }`;
    expect(await codes(adminB, byId, { id: entry.id })).toEqual(['FLEX_ENTRY_NOT_FOUND']);
    const publish = `mutation ($id: ID!) { publishFlexEntry(id: $id) { id } }`;
    expect(await codes(adminB, publish, { id: entry.id })).toEqual(['FLEX_ENTRY_NOT_FOUND']);
    expect(await codes(adminB, `mutation ($id: ID!) { deleteFlexEntry(id: $id) }`, { id: entry.id })).toEqual(['FLEX_ENTRY_NOT_FOUND']);
    expect((await ok<FlexEntry>(call('GET', url, editorA))).slug).toBeNull();
    expect(await outboxEvents(p, b.id, "type LIKE 'flex.entry.%'")).toEqual([]);
  });

  it('creates, changes, publishes, lists and reads entries over GraphQL', async () => {
    const createQ = `mutation ($input: CreateFlexEntryInput!) { createFlexEntry(schema: "book", input: $input) { ${FIELDS} } }`;
    const made = await data<FlexEntry>('createFlexEntry', editorA, createQ, {
      input: { slug: 'gql', values: { title: 'Graph', edition: 3 } },
    });
    expect(made).toMatchObject({ schema: 'book', schemaVersion: 2, slug: 'gql', status: 'draft' });
    const invalid = await codes(editorA, createQ, { input: { values: { title: 5 } } });
    expect(invalid).toEqual(['VALIDATION_FAILED']);
    const updateQ = `mutation ($id: ID!, $input: UpdateFlexEntryInput!) { updateFlexEntry(id: $id, input: $input) { slug values } }`;
    const changed = await data<FlexEntry>('updateFlexEntry', editorA, updateQ, {
      id: made.id,
      input: { values: { title: 'Graph 2', edition: 3 } },
    });
    expect(changed).toEqual({ slug: 'gql', values: { title: 'Graph 2', edition: 3 } });
    const publishQ = `mutation ($id: ID!) { publishFlexEntry(id: $id) { status } }`;
    expect(await data('publishFlexEntry', editorA, publishQ, { id: made.id })).toEqual({ status: 'published' });
    const listQ = '{ flexEntries(schema: "book", first: 1) { items { id values } nextCursor } }';
    const publicList = await data<EntryPage>('flexEntries', publicA, listQ);
    expect(publicList.items).toEqual([{ id: made.id, values: { title: 'Graph 2' } }]);
    expect(publicList.nextCursor).toEqual(expect.any(String));
    const read = await data<FlexEntry>('flexEntry', editorA, `query ($id: ID!) { flexEntry(id: $id) { ${FIELDS} } }`, { id: made.id });
    expect(read).toMatchObject({ id: made.id, status: 'published', values: { title: 'Graph 2', edition: 3 } });
    expect(await codes(customerA, createQ, { input: { values: { title: 'No' } } })).toEqual(['AUTH_FORBIDDEN']);
    expect(await data('deleteFlexEntry', editorA, `mutation ($id: ID!) { deleteFlexEntry(id: $id) }`, { id: made.id })).toBe(true);
  });

  it('refuses entries for a schema of another target', async () => {
    const attached = await call('POST', '/flex/schemas', adminA, {
      slug: 'product-extras',
      name: 'Product extras',
      target: 'product',
      fields: [{ key: 'origin', type: 'text' }],
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expectProblem(await call('POST', '/flex/schemas/product-extras/entries', editorA, { values: {} }), 422, 'FLEX_NOT_ENTRY_SCHEMA');
  });

  it('answers 404 for a tenant that disabled the module', async () => {
    await ok(call('PUT', '/modules/flex', adminA, { enabled: false }));
    expectProblem(await call('GET', '/flex/schemas/book/entries', editorA), 404);
    expectProblem(await call('POST', '/flex/schemas/book/entries', editorA, { values: { title: 'Off' } }), 404);
    expect((await gql(editorA, '{ flexEntries(schema: "book") { items { id } } }')).errors?.length).toBe(1);
    await ok(call('PUT', '/modules/flex', adminA, { enabled: true }));
    await ok(call('GET', '/flex/schemas/book/entries', editorA));
  });
});
