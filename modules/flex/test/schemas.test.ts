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
import flexModule from '../src/index.js';

interface Schema {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  target: string;
  targetKind: string | null;
  version: number;
  fields: Record<string, unknown>[];
  createdAt: string;
  updatedAt: string;
}
type Page = { items: Schema[]; nextCursor: string | null };
type Headers = Record<string, string>;

const SCHEMAS = '/flex/schemas';
/** Low limits, so that each guardrail is reached in a few requests. */
const LIMITS = { max_fields: 8, max_depth: 3, max_schemas: 3, schema_changes_per_minute: 6 };
const RECIPE_FIELDS = [
  { key: 'title', type: 'text', required: true, maxLength: 200 },
  { key: 'servings', type: 'integer', min: 1 },
  { key: 'tags', type: 'text', list: true },
  { key: 'nutrition', type: 'object', fields: [{ key: 'calories', type: 'integer', min: 0 }] },
];
const text = (key: string) => ({ key, type: 'text' });
const recipe = (slug = 'recipe', fields: unknown[] = RECIPE_FIELDS) => ({ slug, name: 'Recipe', fields });

const CREATE = `mutation ($input: CreateFlexSchemaInput!) {
  createFlexSchema(input: $input) { id slug name description target targetKind version fields createdAt updatedAt } }`;

describeEachBackend('flex schemas over HTTP and GraphQL', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let manager: Headers;
  let editor: Headers;
  let customer: Headers;
  let anonymous: Headers;
  let otherManager: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data, codes } = graphqlClient(() => p);
  const events = (tenantId: string) => outboxEvents(p, tenantId, "type LIKE 'flex.schema.%'");
  const managerOf = async (slug: string) => (await p.userWithToken((await p.createTenant(slug)).id, ['manager'])).headers;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule], config: { settings: { rustok: { flex: LIMITS } } } });
    tenant = await p.createTenant('flex-a');
    manager = (await p.userWithToken(tenant.id, ['manager'])).headers;
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    anonymous = { 'x-tenant-id': tenant.id };
    otherManager = await managerOf('flex-b');
  });
  afterAll(() => p?.close());

  it('defines a schema at run time, reads it back and publishes flex.schema.created', async () => {
    const created = await ok<Schema>(call('POST', SCHEMAS, manager, { ...recipe(), description: 'Dishes' }), 201);
    expect(created).toMatchObject({ slug: 'recipe', name: 'Recipe', description: 'Dishes', target: 'entry', targetKind: null, version: 1 });
    expect(created.fields).toEqual(RECIPE_FIELDS);
    expect(await ok<Schema>(call('GET', `${SCHEMAS}/recipe`, editor))).toEqual(created);
    expect(await ok<Page>(call('GET', SCHEMAS, editor))).toEqual({ items: [created], nextCursor: null });
    const res = await call('GET', `${SCHEMAS}/recipe/json-schema`, anonymous);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/schema+json');
    const doc = res.json<{ type: string; properties: Record<string, unknown>; required?: string[] }>();
    expect(doc.type).toBe('object');
    expect(Object.keys(doc.properties).sort()).toEqual(['nutrition', 'servings', 'tags', 'title']);
    expect(doc.required).toEqual(['title']);
    expect(await events(tenant.id)).toEqual([
      { type: 'flex.schema.created', payload: { schemaId: created.id, slug: 'recipe', target: 'entry', version: 1 } },
    ]);
  });

  it('answers the same over GraphQL', async () => {
    const input = { slug: 'article', name: 'Article', target: 'content_node', targetKind: 'post', fields: [text('subtitle')] };
    const made = await data<Schema>('createFlexSchema', manager, CREATE, { input });
    expect(made).toMatchObject({ slug: 'article', target: 'content_node', targetKind: 'post', version: 1, description: null });
    expect(made.fields).toEqual([text('subtitle')]);
    const one = await data<Schema>('flexSchema', editor, '{ flexSchema(slug: "article") { id slug version fields targetKind } }');
    expect(one).toEqual({ id: made.id, slug: 'article', version: 1, fields: [text('subtitle')], targetKind: 'post' });
    const page = await data<Page>('flexSchemas', editor, '{ flexSchemas(first: 1) { items { slug } nextCursor } }');
    expect(page.items.map((s) => s.slug)).toEqual(['recipe']);
    const rest = await data<Page>(
      'flexSchemas',
      editor,
      `{ flexSchemas(first: 1, after: "${page.nextCursor}") { items { slug } nextCursor } }`,
    );
    expect(rest).toEqual({ items: [{ slug: 'article' }], nextCursor: null });
    const doc = await data<{ properties: object }>('flexSchemaJsonSchema', anonymous, '{ flexSchemaJsonSchema(slug: "article") }');
    expect(Object.keys(doc.properties)).toEqual(['subtitle']);
    expect(await codes(manager, CREATE, { input: { ...input, slug: 'bad', fields: 'no' } })).toEqual(['VALIDATION_FAILED']);
    expect(await codes(manager, CREATE, { input: { ...input, slug: 'orders', target: 'orders' } })).toEqual(['FLEX_TARGET_REFUSED']);
    expect(await codes(editor, CREATE, { input: { ...input, slug: 'other' } })).toEqual(['AUTH_FORBIDDEN']);
  });

  it('pages the REST list by id', async () => {
    const first = await ok<Page>(call('GET', `${SCHEMAS}?limit=1`, editor));
    expect(first.items.map((s) => s.slug)).toEqual(['recipe']);
    const next = await ok<Page>(call('GET', `${SCHEMAS}?limit=1&cursor=${first.nextCursor}`, editor));
    expect(next).toMatchObject({ items: [{ slug: 'article' }], nextCursor: null });
    expectProblem(await call('GET', `${SCHEMAS}?cursor=nope`, editor), 422, 'FLEX_CURSOR_INVALID');
  });

  it('refuses each guardrail with its code, and writes nothing for them', async () => {
    const before = await events(tenant.id);
    const refused = async (body: unknown, code: string, status = 422) =>
      expectProblem(await call('POST', SCHEMAS, manager, body), status, code);
    await refused(
      recipe(
        'wide',
        Array.from({ length: 9 }, (_, i) => text(`f${i}`)),
      ),
      'FLEX_SCHEMA_TOO_MANY_FIELDS',
    );
    const nest = (inner: unknown) => ({ key: 'o', type: 'object', fields: [inner] });
    await refused(recipe('deep', [nest(nest(nest(text('leaf'))))]), 'FLEX_SCHEMA_TOO_DEEP');
    await refused(recipe('twice', [text('a'), text('a')]), 'FLEX_SCHEMA_INVALID');
    const badPattern = await call('POST', SCHEMAS, manager, recipe('pat', [{ key: 'code', type: 'text', pattern: '([a-z' }]));
    expectProblem(badPattern, 422, 'FLEX_SCHEMA_INVALID');
    expect(badPattern.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['/fields/0/pattern']);
    await refused({ ...recipe('orders'), target: 'orders' }, 'FLEX_TARGET_REFUSED');
    await refused({ ...recipe('stock'), target: 'inventory' }, 'FLEX_TARGET_REFUSED');
    await refused({ ...recipe('pay'), target: 'payments' }, 'FLEX_TARGET_REFUSED');
    await refused({ ...recipe('widget'), target: 'widgets' }, 'FLEX_TARGET_UNKNOWN');
    await refused({ ...recipe('kinded'), targetKind: 'post' }, 'FLEX_SCHEMA_INVALID');
    await refused(recipe('recipe'), 'FLEX_SCHEMA_SLUG_TAKEN', 409);
    await refused({ slug: 'Bad Slug', name: 'x', fields: [] }, 'VALIDATION_FAILED');
    expect(await events(tenant.id)).toEqual(before);
    expect((await ok<Page>(call('GET', SCHEMAS, manager))).items).toHaveLength(2);
  });

  it('makes a new version for new fields only, and keeps the version for the same fields', async () => {
    const fields = [...RECIPE_FIELDS, { key: 'difficulty', type: 'enum', choices: ['easy', 'hard'] }];
    const v2 = await ok<Schema>(call('PATCH', `${SCHEMAS}/recipe`, manager, { fields }));
    expect(v2).toMatchObject({ slug: 'recipe', version: 2, description: 'Dishes' });
    expect(v2.fields).toEqual(fields);
    const updated = () => outboxEvents(p, tenant.id, "type = 'flex.schema.updated'");
    expect(await updated()).toEqual([{ type: 'flex.schema.updated', payload: expect.objectContaining({ slug: 'recipe', version: 2 }) }]);
    const reordered = fields.map((f) => Object.fromEntries(Object.entries(f).reverse()));
    expect(await ok<Schema>(call('PATCH', `${SCHEMAS}/recipe`, manager, { fields: reordered }))).toMatchObject({ version: 2 });
    const renamed = await ok<Schema>(call('PATCH', `${SCHEMAS}/recipe`, manager, { name: 'Recipes', description: null }));
    expect(renamed).toMatchObject({ version: 2, name: 'Recipes', description: null });
    expect((await updated()).map((e) => e.payload.version)).toEqual([2, 2]);
    const doc = await ok<{ properties: object }>(call('GET', `${SCHEMAS}/recipe/json-schema`, anonymous));
    expect(Object.keys(doc.properties)).toContain('difficulty');
    const versions = await p.database.db.transaction(
      async (tx) => (await tx.query<{ version: number }>('SELECT version FROM flex_schema_versions ORDER BY version')).rows,
      { tenantId: tenant.id },
    );
    expect(versions.map((v) => v.version)).toEqual([1, 1, 2]);
    expectProblem(await call('PATCH', `${SCHEMAS}/recipe`, manager, { fields: [text('a'), text('a')] }), 422, 'FLEX_SCHEMA_INVALID');
    const gql = (input: string) => `mutation { updateFlexSchema(slug: "recipe", input: ${input}) { name description version } }`;
    const described = await data<Record<string, unknown>>('updateFlexSchema', manager, gql('{ name: "Recipe", description: "Dishes" }'));
    expect(described).toEqual({ name: 'Recipe', description: 'Dishes', version: 2 });
    expect(await data('updateFlexSchema', manager, gql('{ description: null }'))).toEqual(described);
    expect(await data('updateFlexSchema', manager, gql('{ description: "" }'))).toEqual({ ...described, description: null });
  });

  it('answers 401/403 to those without the permission', async () => {
    expectProblem(await call('POST', SCHEMAS, editor, recipe('by-editor')), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('PATCH', `${SCHEMAS}/recipe`, editor, { name: 'x' }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('DELETE', `${SCHEMAS}/recipe`, editor), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('GET', '/flex/export', editor), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('GET', SCHEMAS, customer), 403, 'AUTH_FORBIDDEN');
    const res = await call('GET', SCHEMAS, anonymous);
    expect([401, 403]).toContain(res.statusCode);
    expect(await codes(anonymous, '{ flexSchemas { items { slug } } }')).toEqual([expect.stringMatching(/^AUTH_/)]);
  });

  it("keeps tenants apart: another tenant's schema is 404", async () => {
    expectProblem(await call('GET', `${SCHEMAS}/recipe`, otherManager), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expectProblem(await call('PATCH', `${SCHEMAS}/recipe`, otherManager, { name: 'Mine' }), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expectProblem(await call('DELETE', `${SCHEMAS}/recipe`, otherManager), 404, 'FLEX_SCHEMA_NOT_FOUND');
    const otherTenant = otherManager['x-tenant-id'] as string;
    expectProblem(await call('GET', `${SCHEMAS}/recipe/json-schema`, { 'x-tenant-id': otherTenant }), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expect(await ok<Page>(call('GET', SCHEMAS, otherManager))).toEqual({ items: [], nextCursor: null });
    expect(await codes(otherManager, '{ flexSchema(slug: "recipe") { id } }')).toEqual(['FLEX_SCHEMA_NOT_FOUND']);
    await ok(call('POST', SCHEMAS, otherManager, recipe()), 201);
    expect((await ok<Schema>(call('GET', `${SCHEMAS}/recipe`, manager))).version).toBe(2);
  });

  it('deletes a schema and publishes flex.schema.deleted', async () => {
    const article = await ok<Schema>(call('GET', `${SCHEMAS}/article`, manager));
    expect(await ok(call('DELETE', `${SCHEMAS}/article`, manager), 204)).toBeUndefined();
    expectProblem(await call('GET', `${SCHEMAS}/article`, manager), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expectProblem(await call('DELETE', `${SCHEMAS}/article`, manager), 404, 'FLEX_SCHEMA_NOT_FOUND');
    const deleted = await outboxEvents(p, tenant.id, "type = 'flex.schema.deleted'");
    expect(deleted).toEqual([
      { type: 'flex.schema.deleted', payload: { schemaId: article.id, slug: 'article', target: 'content_node', version: 1 } },
    ]);
    expect(await data('deleteFlexSchema', manager, 'mutation { deleteFlexSchema(slug: "recipe") }')).toBe(true);
    expect(await codes(manager, 'mutation { deleteFlexSchema(slug: "recipe") }')).toEqual(['FLEX_SCHEMA_NOT_FOUND']);
  });

  it('refuses a schema over max_schemas', async () => {
    const own = await managerOf('flex-many');
    for (const slug of ['one', 'two', 'three']) await ok(call('POST', SCHEMAS, own, recipe(slug)), 201);
    expectProblem(await call('POST', SCHEMAS, own, recipe('four')), 409, 'FLEX_TOO_MANY_SCHEMAS');
    await ok(call('DELETE', `${SCHEMAS}/one`, own), 204);
    await ok(call('POST', SCHEMAS, own, recipe('four')), 201);
  });

  it('refuses schema changes over schema_changes_per_minute, with Retry-After', async () => {
    const own = await managerOf('flex-busy');
    for (const slug of ['one', 'two', 'three']) await ok(call('POST', SCHEMAS, own, recipe(slug)), 201);
    await ok(call('PATCH', `${SCHEMAS}/one`, own, { fields: [text('a')] }));
    await ok(call('DELETE', `${SCHEMAS}/two`, own), 204);
    await ok(call('DELETE', `${SCHEMAS}/three`, own), 204);
    const res = await call('POST', SCHEMAS, own, recipe('four'));
    expectProblem(res, 429, 'FLEX_SCHEMA_CHANGES_TOO_FREQUENT');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expectProblem(await call('PATCH', `${SCHEMAS}/one`, own, { fields: [text('b')] }), 429, 'FLEX_SCHEMA_CHANGES_TOO_FREQUENT');
    expectProblem(await call('DELETE', `${SCHEMAS}/one`, own), 429, 'FLEX_SCHEMA_CHANGES_TOO_FREQUENT');
    expect(await ok<Schema>(call('PATCH', `${SCHEMAS}/one`, own, { name: 'Renamed', fields: [text('a')] }))).toMatchObject({
      name: 'Renamed',
      version: 2,
    });
  });

  it('answers 404 for a tenant that disabled the module', async () => {
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    await ok(call('PUT', '/modules/flex', admin, { enabled: false }));
    expectProblem(await call('GET', SCHEMAS, manager), 404);
    expectProblem(await call('POST', SCHEMAS, manager, recipe('again')), 404);
    await ok(call('PUT', '/modules/flex', admin, { enabled: true }));
    expect((await ok<Page>(call('GET', SCHEMAS, manager))).items).toEqual([]);
  });
});
