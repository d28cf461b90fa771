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
import { REVALIDATION_CHUNK, revalidateSchema } from '../src/use-cases/revalidate-schema.js';

type Headers = Record<string, string>;
type FieldError = { path: string; message: string };
type Problem = { code: string; errors?: FieldError[] };
type Status = { state: string; invalid: number };
type Schema = { version: number; fields: Record<string, unknown>[]; validationStatus: Status };
type Change = { key: string; change: string; destructive: boolean; to?: string };
type Preview = { version: number; changes: Change[]; invalid: number; sample: { entryId: string; errors: FieldError[] }[] };
type Validation = Status & { version: number; entries: { entryId: string; errors: FieldError[] }[]; nextCursor: string | null };

const SCHEMA = '/flex/schemas/book';
const BASE = [
  { key: 'title', type: 'text', required: true },
  { key: 'pages', type: 'integer' },
  { key: 'genre', type: 'text' },
  { key: 'notes', type: 'text' },
  { key: 'format', type: 'text' },
];
/** Entries 0, 3 and 6 are audio books: the ones an enum of paper and ebook leaves out. */
const AUDIO = new Set([0, 3, 6]);
const valuesOf = (i: number) => ({
  title: `Book ${i}`,
  pages: 100 + i,
  genre: i % 2 === 0 ? 'novel' : 'poetry',
  notes: `note ${i}`,
  format: AUDIO.has(i) ? 'audio' : 'paper',
});
const without = (key: string) => BASE.filter((f) => f.key !== key);

describeEachBackend('flex schema evolution: preview, mappings, background revalidation', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let admin: Headers;
  let editor: Headers;
  let adminB: Headers;
  let adminId: string;
  let editorId: string;
  const entries: FlexEntry[] = [];
  let fields: Record<string, unknown>[] = BASE;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data, codes } = graphqlClient(() => p);
  const entry = (id: string) => ok<FlexEntry>(call('GET', `/flex/entries/${id}`, editor));
  const validation = (query = '') => ok<Validation>(call('GET', `${SCHEMA}/validation${query}`, admin));
  /** Polls the status (the revalidation runs outside the request) until it is no longer in progress; 10 s at most. */
  const settled = async (schema = SCHEMA, query = ''): Promise<Validation> => {
    const started = Date.now();
    for (;;) {
      const status = await ok<Validation>(call('GET', `${schema}/validation${query}`, admin));
      if (status.state !== 'in_progress') return status;
      if (Date.now() - started > 10_000) throw new Error('revalidation still in progress after 10 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const patch = async (body: Record<string, unknown>) => {
    const schema = await ok<Schema>(call('PATCH', SCHEMA, admin, body));
    fields = schema.fields;
    return schema;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule] });
    a = await p.createTenant('flex-evolution-a');
    const b = await p.createTenant('flex-evolution-b');
    const adminUser = await p.userWithToken(a.id, ['admin']);
    const editorUser = await p.userWithToken(a.id, ['editor']);
    [admin, adminId, editor, editorId] = [adminUser.headers, adminUser.userId, editorUser.headers, editorUser.userId];
    adminB = (await p.userWithToken(b.id, ['admin'])).headers;
    await ok(call('POST', '/flex/schemas', admin, { slug: 'book', name: 'Book', fields: BASE }), 201);
    for (let i = 0; i < 10; i++) entries.push(await ok<FlexEntry>(call('POST', `${SCHEMA}/entries`, editor, { values: valuesOf(i) }), 201));
  });
  afterAll(() => p?.close());

  it('previews a new required field: ten entries would fail, nothing is written', async () => {
    const before = await ok<Schema>(call('GET', SCHEMA, admin));
    expect(before.validationStatus).toEqual({ state: 'valid', invalid: 0 });
    const preview = await ok<Preview>(
      call('POST', `${SCHEMA}/preview`, admin, { fields: [...BASE, { key: 'isbn', type: 'text', required: true }] }),
    );
    expect(preview.version).toBe(2);
    expect(preview.changes).toEqual([{ key: 'isbn', change: 'added', destructive: false }]);
    expect(preview.invalid).toBe(10);
    expect(preview.sample.map((s) => s.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
    for (const s of preview.sample) expect(s.errors.map((e) => e.path)).toEqual(['/values/isbn']);
    const removal = await ok<Preview>(call('POST', `${SCHEMA}/preview`, admin, { fields: without('notes') }));
    expect(removal).toEqual({
      version: 2,
      changes: [{ key: 'notes', change: 'removed', destructive: true }],
      invalid: 10,
      sample: expect.any(Array),
    });
    const dropped = await ok<Preview>(
      call('POST', `${SCHEMA}/preview`, admin, { fields: without('notes'), mappings: { notes: { action: 'drop' } } }),
    );
    expect(dropped.invalid).toBe(0);
    expect(await ok<Schema>(call('GET', SCHEMA, admin))).toEqual(before);
    expect((await entry(entries[0]?.id ?? '')).values).toEqual(valuesOf(0));
    expect(await outboxEvents(p, a.id, "type = 'flex.schema.updated'")).toEqual([]);
    expectProblem(await call('POST', `${SCHEMA}/preview`, editor, { fields: BASE }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('GET', `${SCHEMA}/validation`, editor), 403, 'AUTH_FORBIDDEN');
    expect(await codes(editor, '{ flexSchemaValidation(slug: "book") }')).toEqual(['AUTH_FORBIDDEN']);
    expectProblem(
      await call('POST', `${SCHEMA}/preview`, admin, { fields: BASE, mappings: { notes: { action: 'move' } } }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('refuses a removal or a type change without a mapping, naming each field', async () => {
    const retyped = without('notes').map((f) => (f.key === 'pages' ? { ...f, type: 'text' } : f));
    const res = await call('PATCH', SCHEMA, admin, { fields: retyped });
    expectProblem(res, 422, 'FLEX_SCHEMA_CHANGE_NEEDS_MAPPING');
    expect(res.json<Problem>().errors?.map((e) => e.path)).toEqual(['/fields/1', '/mappings/notes']);
    const convertGone = await call('PATCH', SCHEMA, admin, { fields: without('notes'), mappings: { notes: { action: 'convert' } } });
    expectProblem(convertGone, 422, 'FLEX_SCHEMA_INVALID');
    expect(convertGone.json<Problem>().errors?.map((e) => e.path)).toEqual(['/mappings/notes/action']);
    const nowhere = await call('PATCH', SCHEMA, admin, {
      fields: without('notes'),
      mappings: { notes: { action: 'rename', to: 'title' } },
    });
    expect(nowhere.json<Problem>().errors?.map((e) => e.path)).toEqual(['/mappings/notes/to']);
    const doc = { format: 'rustok.flex.schemas/1', schemas: [{ slug: 'book', name: 'Book', target: 'entry', fields: without('notes') }] };
    const imported = await call('POST', '/flex/import', admin, doc);
    expectProblem(imported, 422, 'FLEX_SCHEMA_CHANGE_NEEDS_MAPPING');
    expect(imported.json<Problem>().errors?.map((e) => e.path)).toEqual(['/schemas/0/mappings/notes']);
    expect((await ok<Schema>(call('GET', SCHEMA, admin))).version).toBe(1);
    expect((await entry(entries[1]?.id ?? '')).values).toEqual(valuesOf(1));
    // A field no entry has a value for loses nothing: it goes without a mapping.
    await ok(call('POST', '/flex/schemas', admin, { slug: 'empty', name: 'Empty', fields: BASE }), 201);
    expect(await ok<Schema>(call('PATCH', '/flex/schemas/empty', admin, { fields: without('notes') }))).toMatchObject({ version: 2 });
  });

  it('drops the values of a removed field with a drop mapping, and revalidates to valid', async () => {
    const v2 = await patch({ fields: without('notes'), mappings: { notes: { action: 'drop' } } });
    expect(v2.version).toBe(2);
    expect(v2.validationStatus.state).toBe('in_progress');
    for (const [i, e] of entries.entries()) {
      const { notes: _gone, ...rest } = valuesOf(i);
      expect((await entry(e.id)).values).toEqual(rest);
    }
    expect(await settled()).toEqual({ state: 'valid', version: 2, invalid: 0, entries: [], nextCursor: null });
  });

  it('moves values to the new key with a rename mapping (over GraphQL)', async () => {
    const next = fields.map((f) => (f.key === 'genre' ? { ...f, key: 'category' } : f));
    const mutation = `mutation ($fields: JSON, $mappings: JSON) {
      updateFlexSchema(slug: "book", input: { fields: $fields, mappings: $mappings }) { version validationStatus { state invalid } } }`;
    expect(await codes(admin, mutation, { fields: next })).toEqual(['FLEX_SCHEMA_CHANGE_NEEDS_MAPPING']);
    const v3 = await data<{ version: number }>('updateFlexSchema', admin, mutation, {
      fields: next,
      mappings: { genre: { action: 'rename', to: 'category' } },
    });
    expect(v3.version).toBe(3);
    fields = next;
    for (const [i, e] of entries.entries()) {
      const values = (await entry(e.id)).values;
      expect(values.category).toBe(valuesOf(i).genre);
      expect(values).not.toHaveProperty('genre');
    }
    expect((await settled()).state).toBe('valid');
  });

  it('converts a type change and reports exactly the entries that no longer fit, until they are fixed', async () => {
    const next = fields.map((f) => (f.key === 'format' ? { key: 'format', type: 'enum', choices: ['paper', 'ebook'] } : f));
    const preview = await ok<Preview>(
      call('POST', `${SCHEMA}/preview`, admin, { fields: next, mappings: { format: { action: 'convert' } } }),
    );
    expect(preview.changes).toEqual([{ key: 'format', change: 'type_changed', destructive: true }]);
    expect(preview.invalid).toBe(3);
    await patch({ fields: next, mappings: { format: { action: 'convert' } } });
    const audio = entries.filter((_, i) => AUDIO.has(i)).map((e) => e.id);
    const status = await settled();
    expect(status).toMatchObject({ state: 'invalid', version: 4, invalid: 3, nextCursor: null });
    expect(status.entries.map((e) => e.entryId)).toEqual(audio);
    for (const e of status.entries) expect(e.errors.map((x) => x.path)).toEqual(['/values/format']);
    expect((await ok<Schema>(call('GET', SCHEMA, admin))).validationStatus).toEqual({ state: 'invalid', invalid: 3 });
    const same = await ok<Preview>(call('POST', `${SCHEMA}/preview`, admin, { fields: next }));
    expect(same).toMatchObject({ version: 4, changes: [], invalid: 3 });
    const first = await validation('?limit=2');
    expect(first.entries.map((e) => e.entryId)).toEqual(audio.slice(0, 2));
    const rest = await validation(`?limit=2&cursor=${first.nextCursor}`);
    expect(rest).toMatchObject({ entries: [{ entryId: audio[2] }], nextCursor: null });
    expectProblem(await call('GET', `${SCHEMA}/validation?cursor=nope`, admin), 422, 'FLEX_CURSOR_INVALID');

    const query = '{ flexSchemaValidation(slug: "book", first: 10) }';
    expect(await data<Validation>('flexSchemaValidation', admin, query)).toMatchObject({ state: 'invalid', invalid: 3 });
    for (const [n, id] of audio.entries()) {
      const current = await entry(id);
      await ok(call('PATCH', `/flex/entries/${id}`, editor, { values: { ...current.values, format: 'ebook' } }));
      expect((await validation()).invalid).toBe(2 - n);
    }
    expect(await validation()).toEqual({ state: 'valid', version: 4, invalid: 0, entries: [], nextCursor: null });
    const gqlSchema = await data<Schema>(
      'flexSchema',
      admin,
      '{ flexSchema(slug: "book") { version validationStatus { state invalid } } }',
    );
    expect(gqlSchema).toEqual({ version: 4, validationStatus: { state: 'valid', invalid: 0 } });
  });

  it('revalidating again gives the same columns and state', async () => {
    const next = [...fields, { key: 'isbn', type: 'text', required: true }];
    const preview = await data<Preview>('flexSchemaPreview', admin, 'query ($f: JSON!) { flexSchemaPreview(slug: "book", fields: $f) }', {
      f: next,
    });
    expect(preview).toMatchObject({ version: 5, invalid: 10 });
    const v5 = await patch({ fields: next });
    const once = await settled();
    expect(once).toMatchObject({ state: 'invalid', version: 5, invalid: 10 });
    const columns = () =>
      p.database.db.transaction(
        async (tx) => (await tx.query('SELECT id, validated_version, validation_errors FROM flex_entries ORDER BY id')).rows,
        { tenantId: a.id },
      );
    const before = await columns();
    const { id } = await ok<{ id: string }>(call('GET', SCHEMA, admin));
    await p.database.db.transaction((tx) => revalidateSchema(tx, id), { tenantId: a.id });
    expect(await columns()).toEqual(before);
    expect(await settled()).toEqual(once);
    expect(v5.version).toBe(5);
  });

  it('revalidates a large schema a chunk per transaction, each chunk a follow-up event', async () => {
    const bulk = [
      { key: 'n', type: 'integer' },
      { key: 'kind', type: 'text' },
    ];
    const made = await ok<{ id: string }>(call('POST', '/flex/schemas', admin, { slug: 'bulk', name: 'Bulk', fields: bulk }), 201);
    const total = 2 * REVALIDATION_CHUNK + 200;
    await p.database.db.transaction(
      (tx) =>
        tx.query(
          `INSERT INTO flex_entries (id, schema_id, schema_version, status, "values", validated_version)
           SELECT gen_random_uuid(), $1, 1, 'draft', jsonb_build_object('n', i, 'kind', CASE WHEN i % 7 = 0 THEN 'x' ELSE 'y' END), 1
           FROM generate_series(1, $2::int) AS i`,
          [made.id, total],
        ),
      { tenantId: a.id },
    );
    const retyped = [bulk[0], { key: 'kind', type: 'enum', choices: ['y'] }];
    await ok(call('PATCH', '/flex/schemas/bulk', admin, { fields: retyped, mappings: { kind: { action: 'convert' } } }));
    const status = await settled('/flex/schemas/bulk', '?limit=100');
    expect(status).toMatchObject({ state: 'invalid', version: 2, invalid: Math.floor(total / 7) });
    expect(status.entries).toHaveLength(100);
    const follow = await outboxEvents(p, a.id, "type = 'flex.schema.revalidating'", (payload) => payload.schemaId === made.id);
    expect(follow.map((e) => e.payload.version)).toEqual([2, 2]);
    const { rows } = await p.database.db.transaction(
      (tx) =>
        tx.query<{ version: number | null; n: number }>(
          'SELECT validated_version AS version, count(*)::int AS n FROM flex_entries WHERE schema_id = $1 GROUP BY 1',
          [made.id],
        ),
      { tenantId: a.id },
    );
    expect(rows).toEqual([{ version: 2, n: total }]);
  });

  it('evolves a schema attached to users: their fieldsets are mapped, previewed and revalidated', async () => {
    const profile = [
      { key: 'nickname', type: 'text' },
      { key: 'age', type: 'integer', access: 'public' },
    ];
    await ok(call('POST', '/flex/schemas', admin, { slug: 'profile', name: 'Profile', target: 'user', fields: profile }), 201);
    await ok(call('PUT', `/flex/attached/user/${adminId}/profile`, admin, { values: { nickname: 'boss', age: 40 } }));
    await ok(call('PUT', `/flex/attached/user/${editorId}/profile`, admin, { values: { nickname: 'ed', age: 30 } }));
    const next = [{ key: 'nickname', type: 'enum', choices: ['boss'] }];
    const url = '/flex/schemas/profile';
    const refused = await call('PATCH', url, admin, { fields: next, mappings: { nickname: { action: 'convert' } } });
    expectProblem(refused, 422, 'FLEX_SCHEMA_CHANGE_NEEDS_MAPPING');
    expect(refused.json<Problem>().errors?.map((e) => e.path)).toEqual(['/mappings/age']);
    const mappings = { nickname: { action: 'convert' }, age: { action: 'drop' } };
    const preview = await ok<Preview>(call('POST', `${url}/preview`, admin, { fields: next, mappings }));
    expect(preview).toMatchObject({ version: 2, invalid: 1, sample: [{ entryId: editorId, errors: [{ path: '/values/nickname' }] }] });
    await ok(call('PATCH', url, admin, { fields: next, mappings }));
    const status = await settled(url);
    // The public age went: read models hear of each fieldset, with the new version's public values.
    const told = await outboxEvents(p, a.id, "type = 'flex.values.updated'", (e) => e.schema === 'profile' && e.schemaVersion === 2);
    expect(told.map((e) => e.payload.entityId).sort()).toEqual([adminId, editorId].sort());
    expect(told.map((e) => e.payload.publicValues)).toEqual([{}, {}]);
    expect(status).toMatchObject({ state: 'invalid', version: 2, invalid: 1, entries: [{ entryId: editorId }] });
    const items = await ok<{ items: { schema: string; values: unknown }[] }>(call('GET', `/flex/attached/user/${adminId}`, admin));
    expect(items.items).toEqual([expect.objectContaining({ schema: 'profile', values: { nickname: 'boss' } })]);
    await ok(call('PUT', `/flex/attached/user/${editorId}/profile`, admin, { values: { nickname: 'boss' } }));
    expect(await ok<Validation>(call('GET', `${url}/validation`, admin))).toMatchObject({ state: 'valid', invalid: 0, entries: [] });
  });

  it('imports a document that removes a field with values only with its mapping', async () => {
    const memo = [
      { key: 'a', type: 'text' },
      { key: 'b', type: 'text' },
    ];
    await ok(call('POST', '/flex/schemas', admin, { slug: 'memo', name: 'Memo', fields: memo }), 201);
    const made = await ok<FlexEntry>(call('POST', '/flex/schemas/memo/entries', editor, { values: { a: 'x', b: 'y' } }), 201);
    const schema = { slug: 'memo', name: 'Memo', target: 'entry', fields: [memo[0]] };
    const doc = (extra: object) => ({ format: 'rustok.flex.schemas/1', schemas: [{ ...schema, ...extra }] });
    const refused = await call('POST', '/flex/import', admin, doc({}));
    expectProblem(refused, 422, 'FLEX_SCHEMA_CHANGE_NEEDS_MAPPING');
    expect(refused.json<Problem>().errors?.map((e) => e.path)).toEqual(['/schemas/0/mappings/b']);
    const result = await ok<{ updated: string[] }>(call('POST', '/flex/import', admin, doc({ mappings: { b: { action: 'drop' } } })));
    expect(result.updated).toEqual(['memo']);
    expect((await entry(made.id)).values).toEqual({ a: 'x' });
    expect(await settled('/flex/schemas/memo')).toMatchObject({ state: 'valid', version: 2, invalid: 0 });
  });

  it("answers 404 for another tenant's schema", async () => {
    expectProblem(await call('POST', `${SCHEMA}/preview`, adminB, { fields: BASE }), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expectProblem(await call('GET', `${SCHEMA}/validation`, adminB), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expect(await codes(adminB, '{ flexSchemaValidation(slug: "book") }')).toEqual(['FLEX_SCHEMA_NOT_FOUND']);
    expect(await codes(adminB, 'query ($f: JSON!) { flexSchemaPreview(slug: "book", fields: $f) }', { f: BASE })).toEqual([
      'FLEX_SCHEMA_NOT_FOUND',
    ]);
  });
});
