import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import flexModule from '@rustok/flex';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import { expectProblem, ok, waitFor } from './helpers.js';
import { type CreatedProduct, catalog } from './products-fixtures.js';

describeEachBackend('index: product lists sorted by a sortable flex field', (backend) => {
  let p: TestPlatform;
  let admin: Record<string, string>;
  let c: ReturnType<typeof catalog>;
  const products: Record<string, CreatedProduct> = {};

  const titles = async (query: string) => (await c.store(query)).items.map((i) => i.title);

  /** Every page of a sorted list, `limit` at a time, through the cursors. */
  const allPages = async (query: string, limit: number): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await c.store(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, flexModule, indexModule] });
    const tenant = await p.createTenant('index-custom-sort');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    await ok(
      c.call('POST', '/flex/schemas', admin, {
        slug: 'specs',
        name: 'Specs',
        target: 'product',
        fields: [
          { key: 'weight', type: 'integer', access: 'public', sortable: true },
          { key: 'grade', type: 'decimal', access: 'public', sortable: true },
          { key: 'maker', type: 'text', access: 'public', sortable: true },
          { key: 'released', type: 'datetime', access: 'public', sortable: true },
          { key: 'motto', type: 'text', access: 'public' },
          { key: 'cost', type: 'integer', access: 'admin', sortable: true },
        ],
      }),
      201,
    );
    const values: Record<string, Record<string, unknown> | null> = {
      Anvil: { weight: 9000, grade: '10.5', maker: 'Smith', released: '2026-01-01T10:00:00+02:00' },
      Bucket: { weight: 800, grade: '9.75', maker: 'Cooper', released: '2026-01-01T09:00:00Z' },
      Chisel: { weight: 120, grade: '100', maker: 'Mason', released: '2025-06-01T00:00:00Z' },
      Drill: { weight: 800, grade: '2', maker: 'Adams', released: '2027-03-01T00:00:00Z' },
      Easel: null,
    };
    for (const [title, v] of Object.entries(values)) {
      const product = await c.published(title);
      products[title] = product;
      if (v) await ok(c.call('PUT', `/flex/attached/product/${product.id}/specs`, admin, { values: v }));
    }
    await waitFor(async () => (await titles('sort=custom.specs.weight')).length === 4, 2_000, 'four products with a weight');
  });
  afterAll(() => p?.close());

  it('sorts by a number field up and down (ties by id), products without a value left out, pages through cursors', async () => {
    const up = await titles('sort=custom.specs.weight&limit=100');
    expect(up[0]).toBe('Chisel');
    expect(up.slice(1, 3).sort()).toEqual(['Bucket', 'Drill']);
    expect(up[3]).toBe('Anvil');
    const down = await titles('sort=-custom.specs.weight&limit=100');
    expect(down).toEqual([...up].reverse());
    expect(await allPages('sort=custom.specs.weight', 1)).toEqual(up);
    expect(await allPages('sort=-custom.specs.weight', 3)).toEqual(down);
  });

  it('compares decimals as numbers, datetimes as instants and texts as text', async () => {
    expect(await titles('sort=custom.specs.grade')).toEqual(['Drill', 'Bucket', 'Anvil', 'Chisel']);
    // 10:00+02:00 is 08:00Z, before Bucket's 09:00Z.
    expect(await titles('sort=custom.specs.released')).toEqual(['Chisel', 'Anvil', 'Bucket', 'Drill']);
    expect(await titles('sort=-custom.specs.maker')).toEqual(['Anvil', 'Chisel', 'Bucket', 'Drill']);
    expect(await allPages('sort=custom.specs.maker', 2)).toEqual(['Drill', 'Bucket', 'Chisel', 'Anvil']);
  });

  it('refuses a field that is not public and sortable, and a cursor of another sort', async () => {
    for (const sort of ['custom.specs.motto', 'custom.specs.cost', 'custom.specs.nothing', 'custom.other.weight']) {
      const refused = await c.call('GET', `/store/products?sort=${sort}`, c.visitor);
      expectProblem(refused, 422, 'VALIDATION_FAILED');
      expect(refused.body).toContain(sort);
    }
    expectProblem(await c.call('GET', '/store/products?sort=custom.Specs.weight', c.visitor), 422, 'VALIDATION_FAILED');
    const first = await c.store('sort=custom.specs.weight&limit=1');
    expect(first.nextCursor).toBeTruthy();
    const other = await c.call('GET', `/store/products?sort=custom.specs.grade&cursor=${first.nextCursor}`, c.visitor);
    expectProblem(other, 422, 'INDEX_CURSOR_INVALID');
  });

  it('sorts the same over GraphQL (customSort)', async () => {
    const { data, codes } = graphqlClient(() => p);
    const page = await data<{ items: { title: string }[] }>(
      'storeProducts',
      c.visitor,
      '{ storeProducts(customSort: "-custom.specs.grade", first: 10) { items { title } } }',
    );
    expect(page.items.map((i) => i.title)).toEqual(['Chisel', 'Anvil', 'Bucket', 'Drill']);
    expect(await codes(c.visitor, '{ storeProducts(customSort: "custom.specs.motto") { items { id } } }')).toEqual(['VALIDATION_FAILED']);
  });
});
