import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHELF_ITEMS, shelfCalls, shelfModule, VERBATIM_SHAPE } from './test-fixtures/shelf-module.js';

// `@D` marks where a directive goes: none lets the stored text answer, `@include(if: true)` (no
// change to the answer) leaves the query to the executor, whose answer is the reference.
const DIRECTIVE = '@include(if: true)';

describeEachBackend('GraphQL answers from stored JSON text', (backend) => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [shelfModule] });
  });
  afterAll(async () => p?.close());

  const counted = async (what: 'answers' | 'spliced'): Promise<number> => {
    const text = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(new RegExp(`^rustok_graphql_stored_text_${what}_total (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  };
  const answered = () => counted('answers');
  const post = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, ...(variables ? { variables } : {}) } });
  /** The answer to `query` with and without the directive, and how many of the two came from text. */
  const both = async (query: string, variables?: Record<string, unknown>) => {
    const before = await answered();
    const fromText = await post(query.replace('@D', ''), variables);
    const executed = await post(query.replace('@D', DIRECTIVE), variables);
    return { fromText, executed, byText: (await answered()) - before };
  };

  it.each([
    ['every field', '{ shelf @D { label items { id name count tags note } } }', undefined],
    ['aliases, another order, a subset', '{ s: shelf(label: "x", first: 1) @D { items { tags n: name } label } }', undefined],
    [
      'variables and an operation name',
      'query Q($l: String, $f: Int) { shelf(label: $l, first: $f) @D { items { id note } } }',
      { l: 'v', f: 1 },
    ],
  ])('answers a plain query (%s) byte for byte as the executor does', async (_name, query, variables) => {
    const { fromText, executed, byText } = await both(query, variables);
    expect(executed.statusCode).toBe(200);
    expect(fromText.statusCode).toBe(200);
    expect(fromText.headers['content-type']).toBe(executed.headers['content-type']);
    expect(fromText.body).toBe(executed.body);
    expect(byText).toBe(1);
  });

  it('answers the data the resolver text holds (a missing nullable field as null)', async () => {
    const calls = shelfCalls.text;
    const res = await post('{ shelf { items { name note } } }');
    expect(res.json()).toEqual({ data: { shelf: { items: SHELF_ITEMS.map((i) => ({ name: i.name, note: i.note ?? null })) } } });
    expect(shelfCalls.text).toBe(calls + 1);
  });

  it('sends the text as it is when the query selects exactly the shape the text declares', async () => {
    const spliced = await counted('spliced');
    const { fromText, executed, byText } = await both(`{ s: shelf(label: "verbatim") @D ${VERBATIM_SHAPE} }`);
    expect(byText).toBe(1);
    expect((await counted('spliced')) - spliced).toBe(1);
    // The fixture writes that text with line breaks: they go out untouched, inside the executor's envelope.
    expect(fromText.body).toMatch(/^\{"data":\{"s":\{\n {2}"label": "verbatim",\n/);
    expect(fromText.body).toBe(`{"data":{"s":${JSON.stringify(JSON.parse(fromText.body).data.s, null, 2)}}}`);
    expect(fromText.json()).toEqual(executed.json());
  });

  it.each([
    ['another order', '{ shelf(label: "verbatim") @D { items { id name } label } }'],
    ['a subset', '{ shelf(label: "verbatim") @D { label items { id } } }'],
    ['an alias below the root', '{ shelf(label: "verbatim") @D { label items { id title: name } } }'],
  ])('projects the text when the selection differs from the declared shape (%s)', async (_name, query) => {
    const spliced = await counted('spliced');
    const { fromText, executed, byText } = await both(query);
    expect(byText).toBe(1);
    expect(await counted('spliced')).toBe(spliced);
    expect(fromText.body).toBe(executed.body);
  });

  it('answers over GET too', async () => {
    const before = await answered();
    const res = await p.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ shelf { label } }')}` });
    expect(res.json()).toEqual({ data: { shelf: { label: 'main' } } });
    expect((await answered()) - before).toBe(1);
  });

  it.each([
    ['a null in a non-null field', '{ shelf(label: "broken") @D { items { id name } } }', undefined],
    ['a value its type refuses', '{ shelf(label: "bad-count") @D { items { count } } }', undefined],
    ['a variable of the wrong type', 'query ($f: Int) { shelf(first: $f) @D { label } }', { f: 'two' }],
    ['an unknown field', '{ shelf @D { label colour } }', undefined],
  ])('leaves %s to the executor, whose answer it is', async (_name, query, variables) => {
    const { fromText, executed, byText } = await both(query, variables);
    // The same answer but for where in the text the errors point (the directive shifts the columns).
    const withoutLocations = (body: string) => body.replace(/"locations":\[[^\]]*\],/g, '');
    expect(withoutLocations(fromText.body)).toBe(withoutLocations(executed.body));
    expect(byText).toBe(0);
  });

  it('leaves __typename, fragments, fields needing more than the public scope and long query texts to the executor', async () => {
    const before = await answered();
    const long = `{ shelf { label } }${' '.repeat(5_000)}`;
    expect((await post(long)).json()).toEqual({ data: { shelf: { label: 'main' } } });
    expect((await post('{ shelf { __typename label } }')).json()).toEqual({ data: { shelf: { __typename: 'Shelf', label: 'main' } } });
    expect((await post('{ shelf { ...F } } fragment F on Shelf { label }')).json()).toEqual({ data: { shelf: { label: 'main' } } });
    const denied = (await post('{ privateShelf { label } }')).json<{ errors: { extensions: { code: string } }[] }>();
    expect(denied.errors[0]?.extensions.code).toBe('AUTH_REQUIRED');
    expect((await answered()) - before).toBe(0);
  });

  it("answers a tenant that switched the field's module off as if the field did not exist", async () => {
    const tenant = await p.createTenant('shelf-off');
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const off = await p.app.inject({ method: 'PUT', url: '/api/v1/modules/shelf', headers: admin, payload: { enabled: false } });
    expect(off.statusCode).toBe(200);
    const before = await answered();
    const res = await post('{ shelf { label } }', undefined, { 'x-tenant-id': tenant.id });
    expect(res.json<{ errors: { extensions: { code: string } }[] }>().errors[0]?.extensions.code).toBe('GRAPHQL_FIELD_NOT_FOUND');
    expect((await answered()) - before).toBe(0);
    expect((await post('{ shelf { label } }')).json()).toEqual({ data: { shelf: { label: 'main' } } }); // another tenant
  });
});
