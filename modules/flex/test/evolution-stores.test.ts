import type { TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, describeEachBackend, expectProblem, ok, outboxEvents, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlexEntry } from '../src/contracts.js';
import flexModule from '../src/index.js';
import { REVALIDATION_CHUNK } from '../src/use-cases/revalidate-schema.js';
import { type Headers, type Preview, type Problem, settledWith, type Validation } from './evolution-fixtures.js';

describeEachBackend('flex schema evolution at scale, for attached fieldsets and imports', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let admin: Headers;
  let editor: Headers;
  let adminId: string;
  let editorId: string;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const entry = (id: string) => ok<FlexEntry>(call('GET', `/flex/entries/${id}`, editor));
  const settled = settledWith(
    () => p,
    () => admin,
  );

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule] });
    a = await p.createTenant('flex-evolution-stores');
    const adminUser = await p.userWithToken(a.id, ['admin']);
    const editorUser = await p.userWithToken(a.id, ['editor']);
    [admin, adminId, editor, editorId] = [adminUser.headers, adminUser.userId, editorUser.headers, editorUser.userId];
  });
  afterAll(() => p?.close());

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
});
