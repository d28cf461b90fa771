import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from '../src/contracts.js';
import { pagesModule } from '../src/index.js';

// A flex_list block names a flex schema by its slug only (pages knows nothing else of flex): its
// data is checked like every block's, and it is kept as given.
describeEachBackend('pages: flex_list block', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let editor: Record<string, string>;
  const post = (payload: object) => p.app.inject({ method: 'POST', url: '/api/v1/pages', headers: editor, payload });

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, pagesModule] });
    a = await p.createTenant('flex-list-a');
    editor = (await p.userWithToken(a.id, ['editor'])).headers;
  });
  afterAll(() => p?.close());

  it('keeps a flex_list block with its schema, title and limit', async () => {
    const data = { schema: 'faq', title: 'Questions', limit: 24 };
    const res = await post({ title: 'Help', blocks: [{ type: 'flex_list', data }] });
    expect(res.statusCode, res.body).toBe(201);
    const page = res.json<Page>();
    expect(page.blocks.map((b) => [b.type, b.data])).toEqual([['flex_list', data]]);
  });

  it('refuses a flex_list block without a schema slug, with a bad slug, a limit over 24 or unknown data', async () => {
    const res = await post({
      title: 'Broken lists',
      blocks: [
        { type: 'flex_list', data: { title: 'No schema' } },
        { type: 'flex_list', data: { schema: 'Not A Slug' } },
        { type: 'flex_list', data: { schema: 'faq', limit: 25 } },
        { type: 'flex_list', data: { schema: 'faq', where: { color: 'red' } } },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/blocks/0/data/schema', '/blocks/1/data/schema', '/blocks/2/data/limit']));
    expect(paths.some((path) => path.startsWith('/blocks/3/data'))).toBe(true);
  });
});
