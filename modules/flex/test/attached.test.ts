import { caller, describeEachBackend, expectProblem, graphqlClient, ok, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlexAttachedValues } from '../src/schemas-attached.js';
import { type AttachedPage, attachedPlatform, CARE, type Headers, type TenantObjects, tenantOf } from './attached-fixtures.js';

type Problem = { code: string; errors?: { path: string; message: string }[] };
const UNKNOWN = '0190a3c4-0000-7000-8000-000000000001';

describeEachBackend('flex attached fieldsets over HTTP and GraphQL', (backend) => {
  let p: TestPlatform;
  let a: TenantObjects;
  let b: TenantObjects;
  let editorA: Headers;
  let customerA: Headers;
  let publicA: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data, codes } = graphqlClient(() => p);
  const put = (headers: Headers, path: string, values: Record<string, unknown>) =>
    call('PUT', `/flex/attached/${path}`, headers, { values });
  const list = (headers: Headers, path: string) => ok<AttachedPage>(call('GET', `/flex/attached/${path}`, headers));

  beforeAll(async () => {
    p = await attachedPlatform(backend);
    a = await tenantOf(p, 'flex-attached-a');
    b = await tenantOf(p, 'flex-attached-b');
    editorA = (await p.userWithToken(a.tenant.id, ['editor'])).headers;
    customerA = (await p.userWithToken(a.tenant.id, ['customer'])).headers;
    publicA = { 'x-tenant-id': a.tenant.id };
  });
  afterAll(() => p?.close());

  it('gives one product two fieldsets, each set and replaced on its own', async () => {
    const specs = await ok<FlexAttachedValues>(put(editorA, `product/${a.product}/specs`, { color: 'red', weight: 120 }));
    expect(specs).toMatchObject({
      schema: 'specs',
      schemaVersion: 1,
      values: { color: 'red', weight: 120 },
      updatedAt: expect.any(String),
    });
    const care = await ok<FlexAttachedValues>(
      put(a.admin, `product/${a.product}/care`, { instructions: '<p>Wash <script>x()</script>cold</p>', supplier_note: 'ask Bob' }),
    );
    expect(care.values).toEqual({ instructions: '<p>Wash cold</p>', supplier_note: 'ask Bob' });
    await ok(put(editorA, `product/${a.product}/specs`, { color: 'blue', weight: 90, material: { en: 'steel' } }));
    const page = await list(editorA, `product/${a.product}`);
    expect(page.items.map((i) => [i.schema, i.values])).toEqual([
      ['care', { instructions: '<p>Wash cold</p>', supplier_note: 'ask Bob' }],
      ['specs', { color: 'blue', weight: 90, material: { en: 'steel' } }],
    ]);
  });

  it("shows the public only the public fields of a published product's fieldsets, and no user's values", async () => {
    await ok(put(a.admin, `product/${a.product}/specs`, { color: 'red', weight: 120 }));
    await ok(put(a.admin, `product/${a.product}/care`, { supplier_note: 'admin only' }));
    for (const who of [publicA, customerA]) {
      const page = await list(who, `product/${a.product}`);
      expect(page.items.map((i) => [i.schema, i.values])).toEqual([['specs', { color: 'red' }]]);
    }
    await ok(put(a.admin, `product/${a.draftProduct}/specs`, { color: 'red' }));
    expectProblem(await call('GET', `/flex/attached/product/${a.draftProduct}`, publicA), 404, 'FLEX_ENTITY_NOT_FOUND');
    expect((await list(a.admin, `product/${a.draftProduct}`)).items).toHaveLength(1);
    await ok(put(a.admin, `content_node/${a.post}/post-extras`, { mood: 'bright' }));
    expectProblem(await call('GET', `/flex/attached/content_node/${a.post}`, publicA), 404, 'FLEX_ENTITY_NOT_FOUND');
    await ok(call('POST', `/content/nodes/${a.post}/publish`, a.admin));
    expect((await list(publicA, `content_node/${a.post}`)).items.map((i) => [i.schema, i.values])).toEqual([
      ['post-extras', { mood: 'bright' }],
    ]);
    await ok(put(a.admin, `user/${a.adminId}/profile`, { nickname: 'boss' }));
    expect((await list(a.admin, `user/${a.adminId}`)).items.map((i) => i.values)).toEqual([{ nickname: 'boss' }]);
    expectProblem(await call('GET', `/flex/attached/user/${a.adminId}`, publicA), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('GET', `/flex/attached/user/${a.adminId}`, customerA), 403, 'AUTH_FORBIDDEN');
  });

  it('refuses invalid values with one error per failing field, and writes nothing', async () => {
    const res = await put(a.admin, `product/${a.product}/specs`, { color: 'mauve', weight: 0, material: { en: 'x'.repeat(51) } });
    expectProblem(res, 422, 'VALIDATION_FAILED');
    const paths = (res.json<Problem>().errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/values/color', '/values/weight', '/values/material/en']));
    expect((await list(a.admin, `product/${a.product}`)).items.find((i) => i.schema === 'specs')?.values.color).not.toBe('mauve');
    expectProblem(await put(a.admin, `content_node/${a.post}/post-extras`, {}), 422, 'VALIDATION_FAILED');
    expectProblem(await put(a.admin, `product/${a.product}/care`, { supplier_note: 'x'.repeat(270_000) }), 422, 'FLEX_ENTRY_TOO_LARGE');
    expectProblem(await call('PUT', `/flex/attached/product/${a.product}/specs`, a.admin, { values: {}, extra: 1 }), 422);
  });

  it("answers 404 for another tenant's entity and never lists its values", async () => {
    await ok(put(b.admin, `product/${b.product}/specs`, { color: 'blue' }));
    expectProblem(await put(a.admin, `product/${b.product}/specs`, { color: 'red' }), 404, 'FLEX_ENTITY_NOT_FOUND');
    expectProblem(await call('GET', `/flex/attached/product/${b.product}`, a.admin), 404, 'FLEX_ENTITY_NOT_FOUND');
    expectProblem(await call('DELETE', `/flex/attached/product/${b.product}/specs`, a.admin), 404, 'FLEX_ENTITY_NOT_FOUND');
    expectProblem(await put(a.admin, `product/${UNKNOWN}/specs`, { color: 'red' }), 404, 'FLEX_ENTITY_NOT_FOUND');
    expectProblem(await put(a.admin, `user/${b.adminId}/profile`, { nickname: 'x' }), 404, 'FLEX_ENTITY_NOT_FOUND');
    const own = await list(a.admin, `product/${a.product}`);
    expect(own.items.every((i) => i.values.color !== 'blue' || i.schema !== 'specs')).toBe(true);
    expect((await list(b.admin, `product/${b.product}`)).items.map((i) => i.values)).toEqual([{ color: 'blue' }]);
  });

  it('refuses a schema of another target, a node of another kind, and orders, payments and stock', async () => {
    const mismatch = await put(a.admin, `content_node/${a.post}/specs`, { color: 'red' });
    expectProblem(mismatch, 422, 'FLEX_TARGET_MISMATCH');
    expect(mismatch.json<Problem>().errors?.[0]?.path).toBe('/schema');
    expectProblem(await put(a.admin, `product/${a.product}/note`, { text: 'x' }), 422, 'FLEX_TARGET_MISMATCH');
    expectProblem(await put(a.admin, `product/${a.product}/nothing`, {}), 404, 'FLEX_SCHEMA_NOT_FOUND');
    await ok(put(a.admin, `content_node/${a.post}/post-extras`, { mood: 'calm' }));
    expectProblem(await put(a.admin, `content_node/${a.page}/post-extras`, { mood: 'calm' }), 404, 'FLEX_ENTITY_NOT_FOUND');
    for (const target of ['orders', 'payments', 'inventory'])
      expectProblem(await put(a.admin, `${target}/${a.product}/specs`, { color: 'red' }), 422, 'FLEX_TARGET_REFUSED');
    expectProblem(await call('GET', `/flex/attached/order/${a.product}`, a.admin), 422, 'FLEX_TARGET_REFUSED');
    expectProblem(await call('GET', `/flex/attached/entry/${a.product}`, a.admin), 422, 'FLEX_TARGET_UNKNOWN');
    const unique = {
      slug: 'skus',
      name: 'Skus',
      target: 'product',
      fields: [
        { key: 'code', type: 'text' },
        { key: 'gtin', type: 'text', unique: true },
      ],
    };
    const refused = await call('POST', '/flex/schemas', a.admin, unique);
    expectProblem(refused, 422, 'FLEX_SCHEMA_INVALID');
    expect(refused.json<Problem>().errors?.map((e) => e.path)).toEqual(['/fields/1/unique']);
    const patched = await call('PATCH', '/flex/schemas/care', a.admin, {
      fields: [...CARE.fields, { key: 'batch', type: 'text', unique: true }],
    });
    expectProblem(patched, 422, 'FLEX_SCHEMA_INVALID');
    expect(patched.json<Problem>().errors?.map((e) => e.path)).toEqual(['/fields/2/unique']);
  });

  it('needs flex.entries.update to set and flex.entries.delete to remove; removing answers 204, then 404', async () => {
    expectProblem(await put(customerA, `product/${a.product}/specs`, { color: 'red' }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await put(publicA, `product/${a.product}/specs`, { color: 'red' }), 401);
    await ok(put(editorA, `content_node/${a.post}/post-extras`, { mood: 'sunny' }));
    expectProblem(await call('DELETE', `/flex/attached/content_node/${a.post}/post-extras`, customerA), 403, 'AUTH_FORBIDDEN');
    await ok(call('DELETE', `/flex/attached/content_node/${a.post}/post-extras`, editorA), 204);
    expect((await list(a.admin, `content_node/${a.post}`)).items).toEqual([]);
    expectProblem(await call('DELETE', `/flex/attached/content_node/${a.post}/post-extras`, editorA), 404, 'FLEX_ENTITY_NOT_FOUND');
  });

  it('offers the same over GraphQL', async () => {
    const set = await data<FlexAttachedValues>(
      'setFlexAttached',
      a.admin,
      'mutation ($id: ID!, $v: JSON!) { setFlexAttached(target: "product", entityId: $id, schema: "care", values: $v) { schema schemaVersion values updatedAt } }',
      { id: a.product, v: { instructions: '<b>dry</b>', supplier_note: 'n' } },
    );
    expect(set).toMatchObject({ schema: 'care', schemaVersion: 1, values: { instructions: '<b>dry</b>', supplier_note: 'n' } });
    const query = 'query ($id: ID!) { flexAttached(target: "product", entityId: $id) { schema values } }';
    const shown = await data<{ schema: string; values: Record<string, unknown> }[]>('flexAttached', publicA, query, { id: a.product });
    expect(shown.find((i) => i.schema === 'care')?.values).toEqual({ instructions: '<b>dry</b>' });
    expect(await codes(a.admin, query, { id: b.product })).toEqual(['FLEX_ENTITY_NOT_FOUND']);
    const bad = 'mutation ($id: ID!) { setFlexAttached(target: "orders", entityId: $id, schema: "specs", values: {}) { schema } }';
    expect(await codes(a.admin, bad, { id: a.product })).toEqual(['FLEX_TARGET_REFUSED']);
    const remove = 'mutation ($id: ID!) { deleteFlexAttached(target: "product", entityId: $id, schema: "care") }';
    expect(await data('deleteFlexAttached', a.admin, remove, { id: a.product })).toBe(true);
    expect(await codes(a.admin, remove, { id: a.product })).toEqual(['FLEX_ENTITY_NOT_FOUND']);
    expect(await codes(customerA, remove, { id: a.product })).toEqual(['AUTH_FORBIDDEN']);
  });

  it('answers 404 for a tenant that disabled the module, while its products work as before', async () => {
    await ok(put(a.admin, `product/${a.product}/specs`, { color: 'red' }));
    await ok(call('PUT', '/modules/flex', a.admin, { enabled: false }));
    try {
      expectProblem(await call('GET', `/flex/attached/product/${a.product}`, a.admin), 404);
      expectProblem(await put(a.admin, `product/${a.product}/specs`, { color: 'blue' }), 404);
      expectProblem(await call('DELETE', `/flex/attached/product/${a.product}/specs`, a.admin), 404);
      const gone = `{ flexAttached(target: "product", entityId: "${a.product}") { schema } }`;
      expect(await codes(a.admin, gone)).toHaveLength(1);
      const product = await ok<{ id: string; title: string }>(call('GET', `/commerce/products/${a.product}`, a.admin));
      expect(product.id).toBe(a.product);
      await ok(call('PATCH', `/commerce/products/${a.product}`, a.admin, { title: 'Pen renamed' }));
    } finally {
      await ok(call('PUT', '/modules/flex', a.admin, { enabled: true }));
    }
    expect((await list(a.admin, `product/${a.product}`)).items.find((i) => i.schema === 'specs')?.values).toEqual({ color: 'red' });
  });
});
