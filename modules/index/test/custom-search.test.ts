import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import flexModule from '@rustok/flex';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexModule } from '../src/index.js';
import { ok, waitFor } from './helpers.js';
import { catalog } from './products-fixtures.js';

describeEachBackend('index: searchable flex values in the product search', (backend) => {
  let p: TestPlatform;
  let admin: Record<string, string>;
  let c: ReturnType<typeof catalog>;

  const putValues = async (productId: string, values: Record<string, unknown> | null) => {
    const path = `/flex/attached/product/${productId}/story`;
    if (values) await ok(c.call('PUT', path, admin, { values }));
    else await ok(c.call('DELETE', path, admin), 204);
  };
  const ids = async (query: string) => (await c.store(query)).items.map((i) => i.id);
  const untilFound = (query: string, id: string, found = true) =>
    waitFor(async () => (await ids(query)).includes(id) === found, 2_000, `${query} ${found ? 'finds' : 'no longer finds'} ${id}`);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, flexModule, indexModule] });
    const tenant = await p.createTenant('index-custom-search');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    c = catalog(p, tenant.id, admin);
    await ok(
      c.call('POST', '/flex/schemas', admin, {
        slug: 'story',
        name: 'Story',
        target: 'product',
        fields: [
          { key: 'fabric', type: 'text', access: 'public', localized: true, searchable: true },
          { key: 'makers', type: 'text', access: 'public', list: true, searchable: true },
          { key: 'motto', type: 'text', access: 'public' },
          { key: 'supplier', type: 'text', access: 'admin' },
        ],
      }),
      201,
    );
  });
  afterAll(() => p?.close());

  it("finds a product by its searchable values in the row's locale (lists too), never by other fields", async () => {
    const coat = await c.published('Plain coat');
    await putValues(coat.id, {
      fabric: { en: 'gabardine', ru: 'габардин' },
      makers: ['Quillfeather workshop'],
      motto: 'zephyrous',
      supplier: 'quokkaworks',
    });
    await untilFound('q=gabardine', coat.id);
    expect(await ids('q=quillfeather')).toEqual([coat.id]);
    expect(await ids('q=габардин&locale=ru')).toEqual([coat.id]);
    // Another locale's value is not that locale's text; public fields not flagged and staff fields are never searched.
    expect(await ids('q=gabardine&locale=ru')).toEqual([]);
    expect(await ids('q=zephyrous')).toEqual([]);
    expect(await ids('q=quokkaworks')).toEqual([]);
  });

  it('ranks a title match above a searchable value, and forgets values that are removed', async () => {
    const titled = await c.published('Tweed cap');
    const valued = await c.published('Flat cap');
    await putValues(valued.id, { fabric: { en: 'tweed' } });
    await untilFound('q=tweed', valued.id);
    expect(await ids('q=tweed')).toEqual([titled.id, valued.id]);
    await putValues(valued.id, null);
    await untilFound('q=tweed', valued.id, false);
    expect(await ids('q=tweed')).toEqual([titled.id]);
  });

  it('leaves the search while flex is switched off for the tenant, and comes back when it is on', async () => {
    const scarf = await c.published('Long scarf');
    await putValues(scarf.id, { fabric: { en: 'cashmere' } });
    await untilFound('q=cashmere', scarf.id);
    await ok(c.call('PUT', '/modules/flex', admin, { enabled: false }));
    await untilFound('q=cashmere', scarf.id, false);
    expect(await ids('q=long')).toEqual([scarf.id]);
    await ok(c.call('PUT', '/modules/flex', admin, { enabled: true }));
    await untilFound('q=cashmere', scarf.id);
  });

  it('follows a schema change: a field flagged searchable later is searched, one unflagged leaves the search', async () => {
    const boots = await c.published('Hiking boots');
    await putValues(boots.id, { fabric: { en: 'nubuck' }, motto: 'trailborne' });
    await untilFound('q=nubuck', boots.id);
    expect(await ids('q=trailborne')).toEqual([]);
    const fields = [
      { key: 'fabric', type: 'text', access: 'public', localized: true },
      { key: 'makers', type: 'text', access: 'public', list: true, searchable: true },
      { key: 'motto', type: 'text', access: 'public', searchable: true },
      { key: 'supplier', type: 'text', access: 'admin' },
    ];
    await ok(c.call('PATCH', '/flex/schemas/story', admin, { fields }));
    await untilFound('q=trailborne', boots.id);
    await untilFound('q=nubuck', boots.id, false);
  });
});
