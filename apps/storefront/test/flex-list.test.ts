import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

interface Entry {
  readonly id: string;
}

// A CMS page's flex_list block: the schema's published entries as cards (public fields only), the
// cached page purged when an entry of that schema changes.
describe('storefront CMS pages: flex_list block', () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShop();
    const fields = [
      { key: 'question', label: 'Question', type: 'text', required: true, access: 'public' },
      { key: 'answer', label: 'Answer', type: 'rich_text', access: 'public' },
      { key: 'note', label: 'Staff note', type: 'text', access: 'admin' },
      { key: 'tags', label: 'Tags', type: 'text', list: true, access: 'public' },
    ];
    expect((await shop.api('POST', '/flex/schemas', { slug: 'faq', name: 'FAQ', fields })).status).toBe(201);
  });
  afterAll(() => shop?.close());

  const entry = async (values: Record<string, unknown>, status: 'draft' | 'published') => {
    const created = await shop.api<Entry>('POST', '/flex/schemas/faq/entries', { values, status });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };

  it('lists published entries with their public fields, and shows a newly published one after the purge', async () => {
    await entry(
      { question: 'Do you ship abroad?', answer: '<p>Yes, <b>everywhere</b>.</p>', note: 'ask the courier', tags: ['post', 'shipping'] },
      'published',
    );
    const draft = await entry({ question: 'A draft question?' }, 'draft');
    const blocks = [{ type: 'flex_list', data: { schema: 'faq', title: 'Questions', limit: 10 } }];
    const page = await shop.api<{ id: string }>('POST', '/pages', { title: 'Help', slug: 'help', blocks });
    expect(page.status).toBe(201);
    expect((await shop.api('POST', `/pages/${page.body.id}/publish`)).status).toBe(200);
    await shop.settle();

    const html = await (await shop.page('/pages/help')).text();
    const list = html.match(/<section data-block="flex_list"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(list).toContain('<h2>Questions</h2>');
    expect(list).toContain('<dt>Question</dt><dd>Do you ship abroad?</dd>');
    expect(list).toContain('<b>everywhere</b>');
    // In the fields' order: the question, then the answer, then the tags.
    expect(list.indexOf('<dt>Question</dt>')).toBeLessThan(list.indexOf('<dt>Answer</dt>'));
    expect(list.indexOf('<dt>Answer</dt>')).toBeLessThan(list.indexOf('<dt>Tags</dt>'));
    expect(list).toContain('<dt>Tags</dt><dd>post, shipping</dd>');
    expect(list).not.toContain('courier');
    expect(list).not.toContain('Staff note');
    expect(list).not.toContain('A draft question?');

    // Cached now; publishing the draft (flex.entry.published) purges the page.
    const etag = (await shop.page('/pages/help')).headers.get('etag') ?? '';
    expect((await shop.page('/pages/help', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await shop.api('POST', `/flex/entries/${draft}/publish`)).status).toBe(200);
    await shop.settle();
    const after = await (await shop.page('/pages/help')).text();
    expect(after).toContain('A draft question?');
  });

  it('shows nothing for a schema that does not exist, and keeps the rest of the page', async () => {
    const blocks = [
      { type: 'flex_list', data: { schema: 'nothing-here' } },
      { type: 'rich_text', data: { markdown: 'Still here.' } },
    ];
    const page = await shop.api<{ id: string }>('POST', '/pages', { title: 'Empty list', slug: 'empty-list', blocks });
    expect((await shop.api('POST', `/pages/${page.body.id}/publish`)).status).toBe(200);
    const response = await shop.page('/pages/empty-list');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Still here.');
    expect(html).not.toContain('data-block="flex_list"');
  });
});
