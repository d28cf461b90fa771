import { caller, createTestPlatform, describeEachBackend, expectProblem, graphqlClient, ok, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlexEntry } from '../src/contracts.js';
import flexModule from '../src/index.js';

type Headers = Record<string, string>;
type EntryPage = { items: FlexEntry[]; nextCursor: string | null };
type Problem = { errors: { path: string; message: string }[] };

const COLORS = ['red', 'green', 'blue'] as const;
const SHIRT = {
  slug: 'shirt',
  name: 'Shirt',
  fields: [
    { key: 'name', type: 'text', required: true, access: 'public' },
    { key: 'color', type: 'enum', choices: [...COLORS], filterable: true, access: 'public' },
    { key: 'size', type: 'integer', filterable: true, access: 'public' },
    { key: 'tags', type: 'text', list: true, filterable: true, access: 'public' },
    { key: 'supplier', type: 'text', filterable: true },
    { key: 'note', type: 'text', access: 'public' },
  ],
};

/** Entry i: color i mod 3, size i mod 4, tag "even"/"odd" and "all", supplier s(i mod 2), note n(i mod 5). */
const valuesOf = (i: number) => ({
  name: `Shirt ${i}`,
  color: COLORS[i % 3],
  size: i % 4,
  tags: [i % 2 === 0 ? 'even' : 'odd', 'all'],
  supplier: `s${i % 2}`,
  note: `n${i % 5}`,
});

describeEachBackend('flex entries filtered on filterable fields', (backend) => {
  let p: TestPlatform;
  let admin: Headers;
  let anonymous: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const { data } = graphqlClient(() => p);
  const names = (page: EntryPage) => page.items.map((e) => e.values.name);
  /** Every entry the filter selects, page after page (limit 7), as names, newest first. */
  const all = async (query: string, headers = admin): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/flex/schemas/shirt/entries?limit=7&${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const page: EntryPage = await ok<EntryPage>(call('GET', url, headers));
      seen.push(...(names(page) as string[]));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  const expected = (keep: (i: number) => boolean) =>
    Array.from({ length: 30 }, (_, i) => 29 - i)
      .filter(keep)
      .map((i) => `Shirt ${i}`);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule] });
    const tenant = await p.createTenant('flex-filters');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    anonymous = { 'x-tenant-id': tenant.id };
    await ok(call('POST', '/flex/schemas', admin, SHIRT), 201);
    for (let i = 0; i < 30; i++)
      await ok(call('POST', '/flex/schemas/shirt/entries', admin, { values: valuesOf(i), status: 'published' }), 201);
  });
  afterAll(() => p?.close());

  it('keeps the entries whose field has the value, newest first, over keyset pages', async () => {
    expect(await all('where.color=red')).toEqual(expected((i) => i % 3 === 0));
    expect(await all('where.size=3')).toEqual(expected((i) => i % 4 === 3));
    expect(await all('where.tags=even')).toEqual(expected((i) => i % 2 === 0));
    expect(await all('where.color=green&where.size=1')).toEqual(expected((i) => i % 3 === 1 && i % 4 === 1));
    expect(await all('where.color=red&where.tags=odd')).toEqual(expected((i) => i % 3 === 0 && i % 2 === 1));
    expect(await all('where.color=purple')).toEqual([]);
  });

  it('refuses a field that is not filterable, unknown or of another type, naming each', async () => {
    const res = await call('GET', '/flex/schemas/shirt/entries?where.note=n1&where.nope=1&where.size=big', admin);
    expectProblem(res, 422, 'VALIDATION_FAILED');
    expect(res.json<Problem>().errors).toEqual([
      { path: '/querystring/where.note', message: 'is not a filterable field' },
      { path: '/querystring/where.nope', message: 'is not a field of this schema' },
      { path: '/querystring/where.size', message: 'must be a number' },
    ]);
  });

  it('lets the public filter on public fields only', async () => {
    expect(await all('where.color=blue', anonymous)).toEqual(expected((i) => i % 3 === 2));
    const res = await call('GET', '/flex/schemas/shirt/entries?where.supplier=s1', anonymous);
    expectProblem(res, 422, 'VALIDATION_FAILED');
    expect(await all('where.supplier=s1')).toEqual(expected((i) => i % 2 === 1));
  });

  it('follows an entry whose values change and a field that becomes filterable', async () => {
    const [first] = (await ok<EntryPage>(call('GET', '/flex/schemas/shirt/entries?limit=1&where.color=red', admin))).items;
    await ok(call('PATCH', `/flex/entries/${first?.id}`, admin, { values: { ...valuesOf(27), color: 'blue' } }));
    expect(await all('where.color=red')).toEqual(expected((i) => i % 3 === 0 && i !== 27));
    const fields = SHIRT.fields.map((f) => (f.key === 'note' ? { ...f, filterable: true } : f));
    await ok(call('PATCH', '/flex/schemas/shirt', admin, { fields }));
    expect(await all('where.note=n4')).toEqual(expected((i) => i % 5 === 4));
    await ok(call('DELETE', `/flex/entries/${first?.id}`, admin), 204);
    expect(await all('where.tags=odd')).toEqual(expected((i) => i % 2 === 1 && i !== 27));
  });

  it('filters over GraphQL with where: { key: value }', async () => {
    const page = await data<EntryPage>(
      'flexEntries',
      admin,
      'query ($w: JSON) { flexEntries(schema: "shirt", first: 50, where: $w) { items { values } nextCursor } }',
      { w: { color: 'green', size: 1 } },
    );
    expect(page.items.map((e) => e.values.name)).toEqual(expected((i) => i % 3 === 1 && i % 4 === 1));
  });
});
