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
  slug: string;
  name: string;
  description: string | null;
  target: string;
  targetKind: string | null;
  version: number;
  fields: Record<string, unknown>[];
}
interface SchemaExport {
  format: string;
  schemas: Omit<Schema, 'version'>[];
}
type Result = { created: string[]; updated: string[]; unchanged: string[] };
type Headers = Record<string, string>;

const SCHEMAS = '/flex/schemas';
const LIMITS = { max_schemas: 4, schema_changes_per_minute: 4 };
const text = (key: string) => ({ key, type: 'text' });
const SOURCE = [
  {
    slug: 'recipe',
    name: 'Recipe',
    description: 'Dishes',
    fields: [
      { key: 'title', type: 'text', required: true, pattern: '^[A-Z]' },
      { key: 'steps', type: 'object', list: true, fields: [text('what'), { key: 'minutes', type: 'integer', min: 0 }] },
    ],
  },
  { slug: 'author-bio', name: 'Author bio', target: 'user', fields: [{ key: 'bio', type: 'rich_text' }] },
  { slug: 'article', name: 'Article', target: 'content_node', targetKind: 'post', fields: [text('subtitle')] },
];
const IMPORT = 'mutation ($d: JSON!) { importFlexSchemas(document: $d) { created updated unchanged } }';

describeEachBackend('flex schemas export and import', (backend) => {
  let p: TestPlatform;
  let source: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data, codes } = graphqlClient(() => p);
  const tenantWith = async (slug: string) => {
    const tenant = await p.createTenant(slug);
    return { id: tenant.id, headers: (await p.userWithToken(tenant.id, ['manager'])).headers };
  };
  const exported = (headers: Headers) => ok<SchemaExport>(call('GET', '/flex/export', headers));
  const jsonSchema = (headers: Headers, slug: string) => ok<object>(call('GET', `${SCHEMAS}/${slug}/json-schema`, headers));
  const versions = async (headers: Headers) =>
    Object.fromEntries((await ok<{ items: Schema[] }>(call('GET', SCHEMAS, headers))).items.map((s) => [s.slug, s.version]));

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule], config: { settings: { rustok: { flex: LIMITS } } } });
    source = (await tenantWith('flex-source')).headers;
    for (const schema of SOURCE) await ok(call('POST', SCHEMAS, source, schema), 201);
  });
  afterAll(() => p?.close());

  it('exports every schema of the tenant in slug order', async () => {
    const doc = await exported(source);
    expect(doc.format).toBe('rustok.flex.schemas/1');
    expect(doc.schemas.map((s) => s.slug)).toEqual(['article', 'author-bio', 'recipe']);
    expect(doc.schemas[0]).toEqual({ ...SOURCE[2], description: null });
    expect(doc.schemas[1]).toEqual({ ...SOURCE[1], description: null, targetKind: null });
    expect(doc.schemas[2]).toEqual({ ...SOURCE[0], target: 'entry', targetKind: null });
    expect(await data('flexExport', source, '{ flexExport }')).toEqual(doc);
  });

  it('reproduces the schemas in a fresh tenant, and a second import changes nothing', async () => {
    const doc = await exported(source);
    const target = await tenantWith('flex-target');
    expect(await ok<Result>(call('POST', '/flex/import', target.headers, doc))).toEqual({
      created: ['article', 'author-bio', 'recipe'],
      updated: [],
      unchanged: [],
    });
    expect(await exported(target.headers)).toEqual(doc);
    for (const { slug } of doc.schemas) expect(await jsonSchema(target.headers, slug)).toEqual(await jsonSchema(source, slug));
    const created = await outboxEvents(p, target.id, "type LIKE 'flex.schema.%'");
    expect(created.map((e) => [e.type, e.payload.slug, e.payload.version])).toEqual([
      ['flex.schema.created', 'article', 1],
      ['flex.schema.created', 'author-bio', 1],
      ['flex.schema.created', 'recipe', 1],
    ]);
    expect(await ok<Result>(call('POST', '/flex/import', target.headers, doc))).toEqual({
      created: [],
      updated: [],
      unchanged: ['article', 'author-bio', 'recipe'],
    });
    expect(await data('importFlexSchemas', target.headers, IMPORT, { d: doc })).toEqual({
      created: [],
      updated: [],
      unchanged: ['article', 'author-bio', 'recipe'],
    });
    expect(await versions(target.headers)).toEqual({ article: 1, 'author-bio': 1, recipe: 1 });
    expect(await outboxEvents(p, target.id, "type LIKE 'flex.schema.%'")).toHaveLength(3);
  });

  it('updates what differs (new fields: a new version), all in one schema change', async () => {
    const doc = await exported(source);
    const target = await tenantWith('flex-update');
    await ok(call('POST', '/flex/import', target.headers, doc));
    const [article, bio, recipe] = doc.schemas as [
      SchemaExport['schemas'][number],
      SchemaExport['schemas'][number],
      SchemaExport['schemas'][number],
    ];
    const changed = {
      ...doc,
      schemas: [
        { ...article, name: 'Articles' },
        bio,
        { ...recipe, fields: [...recipe.fields, text('source')] },
        { slug: 'event', name: 'Event', target: 'entry', fields: [{ key: 'starts', type: 'datetime' }] },
      ],
    };
    expect(await data('importFlexSchemas', target.headers, IMPORT, { d: changed })).toEqual({
      created: ['event'],
      updated: ['article', 'recipe'],
      unchanged: ['author-bio'],
    });
    expect(await versions(target.headers)).toEqual({ article: 1, 'author-bio': 1, recipe: 2, event: 1 });
    const updated = await outboxEvents(p, target.id, "type = 'flex.schema.updated'");
    expect(updated.map((e) => [e.payload.slug, e.payload.version])).toEqual([
      ['article', 1],
      ['recipe', 2],
    ]);
    // Each import is one change of the four a minute allows, however many schemas it writes; one that changes nothing is none.
    await ok(call('DELETE', `${SCHEMAS}/event`, target.headers), 204);
    const same = await ok<Result>(call('POST', '/flex/import', target.headers, { ...changed, schemas: changed.schemas.slice(0, 3) }));
    expect(same).toEqual({ created: [], updated: [], unchanged: ['article', 'author-bio', 'recipe'] });
    expect((await ok<Result>(call('POST', '/flex/import', target.headers, changed))).created).toEqual(['event']);
    expectProblem(await call('DELETE', `${SCHEMAS}/event`, target.headers), 429, 'FLEX_SCHEMA_CHANGES_TOO_FREQUENT');
    expectProblem(await call('POST', '/flex/import', target.headers, doc), 429, 'FLEX_SCHEMA_CHANGES_TOO_FREQUENT');
    expect((await ok<Result>(call('POST', '/flex/import', target.headers, changed))).unchanged).toHaveLength(4);
  });

  it('imports all or nothing, with the same guardrails', async () => {
    const target = await tenantWith('flex-guarded');
    const good = { slug: 'good', name: 'Good', target: 'entry', fields: [text('a')] };
    const document = (...schemas: unknown[]) => ({ format: 'rustok.flex.schemas/1', schemas: [good, ...schemas] });
    const bad = await call('POST', '/flex/import', target.headers, document({ ...good, slug: 'bad', fields: [text('a'), text('a')] }));
    expectProblem(bad, 422, 'FLEX_SCHEMA_INVALID');
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['/schemas/1/fields/1/key']);
    expectProblem(
      await call('POST', '/flex/import', target.headers, document({ ...good, slug: 'o', target: 'orders' })),
      422,
      'FLEX_TARGET_REFUSED',
    );
    expectProblem(
      await call('POST', '/flex/import', target.headers, document({ ...good, slug: 'w', target: 'widgets' })),
      422,
      'FLEX_TARGET_UNKNOWN',
    );
    expectProblem(await call('POST', '/flex/import', target.headers, document(good)), 422, 'FLEX_SCHEMA_INVALID');
    const five = ['b', 'c', 'd', 'e'].map((slug) => ({ ...good, slug }));
    expectProblem(await call('POST', '/flex/import', target.headers, document(...five)), 409, 'FLEX_TOO_MANY_SCHEMAS');
    expectProblem(await call('POST', '/flex/import', target.headers, { format: 'other', schemas: [] }), 422, 'VALIDATION_FAILED');
    expect(await codes(target.headers, IMPORT, { d: { format: 'other', schemas: [] } })).toEqual(['VALIDATION_FAILED']);
    expect((await exported(target.headers)).schemas).toEqual([]);
    expect(await outboxEvents(p, target.id, "type LIKE 'flex.schema.%'")).toEqual([]);
    const editor = (await p.userWithToken(target.id, ['editor'])).headers;
    expectProblem(await call('POST', '/flex/import', editor, document()), 403, 'AUTH_FORBIDDEN');
  });
});
