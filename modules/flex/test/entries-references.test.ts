import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, describeEachBackend, expectProblem, ok, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlexEntry } from '../src/contracts.js';
import flexModule from '../src/index.js';

type Headers = Record<string, string>;
type Problem = { code: string; errors?: { path: string; message: string }[] };

const UNKNOWN = '0190a3c4-0000-7000-8000-000000000001';
const AUTHOR = { slug: 'author', name: 'Author', fields: [{ key: 'name', type: 'text', required: true }] };
const OTHER = { slug: 'other', name: 'Other', fields: [{ key: 'name', type: 'text' }] };
const BOOK = {
  slug: 'book',
  name: 'Book',
  fields: [
    { key: 'author', type: 'reference', to: 'flex_entry', schema: 'author' },
    { key: 'anything', type: 'reference', to: 'flex_entry' },
    { key: 'product', type: 'reference', to: 'product' },
    { key: 'node', type: 'reference', to: 'content_node' },
    { key: 'owner', type: 'reference', to: 'user' },
    { key: 'related', type: 'reference', to: 'flex_entry', list: true },
  ],
};
const ALL_PATHS = ['/values/author', '/values/anything', '/values/product', '/values/node', '/values/owner', '/values/related/1'];

/** Sets up a tenant's objects that a book can reference: an author entry, another entry, a product, a node, a user. */
const objectsOf = async (p: TestPlatform, tenant: TenantRef) => {
  const call = caller(p);
  const admin = await p.userWithToken(tenant.id, ['admin']);
  for (const schema of [AUTHOR, OTHER, BOOK]) await ok(call('POST', '/flex/schemas', admin.headers, schema), 201);
  const author = await ok<FlexEntry>(call('POST', '/flex/schemas/author/entries', admin.headers, { values: { name: 'Ann' } }), 201);
  const other = await ok<FlexEntry>(call('POST', '/flex/schemas/other/entries', admin.headers, { values: { name: 'O' } }), 201);
  const product = await ok<{ id: string }>(
    call('POST', '/commerce/products', admin.headers, { title: 'Pen', variants: [{ title: 'Default' }] }),
    201,
  );
  const node = await ok<{ id: string }>(call('POST', '/content/nodes', admin.headers, { kind: 'post', title: 'Hello' }), 201);
  return { headers: admin.headers, author: author.id, other: other.id, product: product.id, node: node.id, user: admin.userId };
};

describeEachBackend('flex entry references', (backend) => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof objectsOf>>;
  let b: Awaited<ReturnType<typeof objectsOf>>;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const createBook = (headers: Headers, values: Record<string, unknown>) => call('POST', '/flex/schemas/book/entries', headers, { values });

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, flexModule] });
    a = await objectsOf(p, await p.createTenant('flex-refs-a'));
    b = await objectsOf(p, await p.createTenant('flex-refs-b'));
  });
  afterAll(() => p?.close());

  it('accepts references to existing entries, products, content nodes and users of the tenant', async () => {
    const values = { author: a.author, anything: a.other, product: a.product, node: a.node, owner: a.user, related: [a.author, a.other] };
    const book = await ok<FlexEntry>(createBook(a.headers, values), 201);
    expect(book.values).toEqual(values);
    const cites = await ok<FlexEntry>(createBook(a.headers, { anything: book.id, related: [book.id] }), 201);
    expect(cites.values.anything).toBe(book.id);
  });

  it('refuses missing objects with 422 naming each path', async () => {
    const res = await createBook(a.headers, {
      author: UNKNOWN,
      anything: UNKNOWN,
      product: UNKNOWN,
      node: UNKNOWN,
      owner: UNKNOWN,
      related: [a.other, UNKNOWN],
    });
    expectProblem(res, 422, 'FLEX_REFERENCE_NOT_FOUND');
    expect(
      res
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual([...ALL_PATHS].sort());
  });

  it("refuses another tenant's objects as if they did not exist", async () => {
    const res = await createBook(a.headers, {
      author: b.author,
      anything: b.other,
      product: b.product,
      node: b.node,
      owner: b.user,
      related: [a.author, b.author],
    });
    expectProblem(res, 422, 'FLEX_REFERENCE_NOT_FOUND');
    expect(
      res
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual([...ALL_PATHS].sort());
  });

  it('refuses an entry of another schema where the field names one, and checks references on update too', async () => {
    const wrong = await createBook(a.headers, { author: a.other });
    expectProblem(wrong, 422, 'FLEX_REFERENCE_NOT_FOUND');
    expect(wrong.json<Problem>().errors).toEqual([{ path: '/values/author', message: expect.stringContaining('author') }]);
    const book = await ok<FlexEntry>(createBook(a.headers, { author: a.author }), 201);
    expectProblem(
      await call('PATCH', `/flex/entries/${book.id}`, a.headers, { values: { owner: b.user } }),
      422,
      'FLEX_REFERENCE_NOT_FOUND',
    );
    await ok(call('PATCH', `/flex/entries/${book.id}`, a.headers, { values: { owner: a.user } }));
  });
});

describeEachBackend('flex entry references without commerce and content', (backend) => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule] });
  });
  afterAll(() => p?.close());

  it('refuses product and content node references, which cannot be checked', async () => {
    const tenant = await p.createTenant('flex-refs-alone');
    const admin = await p.userWithToken(tenant.id, ['admin']);
    const call = caller(p);
    await ok(call('POST', '/flex/schemas', admin.headers, BOOK), 201);
    const res = await call('POST', '/flex/schemas/book/entries', admin.headers, {
      values: { product: UNKNOWN, node: UNKNOWN, owner: admin.userId },
    });
    expectProblem(res, 422, 'FLEX_REFERENCE_NOT_FOUND');
    expect(res.json<Problem>().errors?.map((e) => e.path)).toEqual(['/values/product', '/values/node']);
  });
});
