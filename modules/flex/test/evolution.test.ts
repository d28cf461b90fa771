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
import { revalidateSchema } from '../src/use-cases/revalidate-schema.js';
import { type Headers, type Preview, type Problem, type Schema, settledWith, type Validation } from './evolution-fixtures.js';

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
  const entries: FlexEntry[] = [];
  let fields: Record<string, unknown>[] = BASE;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data, codes } = graphqlClient(() => p);
  const entry = (id: string) => ok<FlexEntry>(call('GET', `/flex/entries/${id}`, editor));
  const validation = (query = '') => ok<Validation>(call('GET', `${SCHEMA}/validation${query}`, admin));
  const settled = (schema = SCHEMA, query = '') =>
    settledWith(
      () => p,
      () => admin,
    )(schema, query);
  const patch = async (body: Record<string, unknown>) => {
    const schema = await ok<Schema>(call('PATCH', SCHEMA, admin, body));
    fields = schema.fields;
    return schema;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule] });
    a = await p.createTenant('flex-evolution-a');
    const b = await p.createTenant('flex-evolution-b');
    admin = (await p.userWithToken(a.id, ['admin'])).headers;
    editor = (await p.userWithToken(a.id, ['editor'])).headers;
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

  it("answers 404 for another tenant's schema", async () => {
    expectProblem(await call('POST', `${SCHEMA}/preview`, adminB, { fields: BASE }), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expectProblem(await call('GET', `${SCHEMA}/validation`, adminB), 404, 'FLEX_SCHEMA_NOT_FOUND');
    expect(await codes(adminB, '{ flexSchemaValidation(slug: "book") }')).toEqual(['FLEX_SCHEMA_NOT_FOUND']);
    expect(await codes(adminB, 'query ($f: JSON!) { flexSchemaPreview(slug: "book", fields: $f) }', { f: BASE })).toEqual([
      'FLEX_SCHEMA_NOT_FOUND',
    ]);
  });
});
