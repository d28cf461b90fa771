import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// Custom types (flex) in the admin app (Chromium, the real server): a schema built field by field,
// an entry written in the form the schema's fields make and published, then listed on a storefront
// page by a flex_list block.
describeInEmbeddedBrowser('admin app: custom types', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let operator: Record<string, string>;

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    operator = { authorization: `Bearer ${await api.tokenOf('default', h.admin.email, h.admin.password)}`, 'x-tenant-id': 'default' };
    page = await h.open('/admin/sign-in');
    await h.signIn(page, h.admin);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    page.setDefaultTimeout(20_000);
  }, 180_000);
  afterAll(() => h?.close());

  const field = (n: number) => page.getByRole('group', { name: new RegExp(`^Field ${n}\\b`) });

  it('builds a schema in the builder: a 422 shown at its field, then saved with its compiled JSON Schema', async () => {
    await page.getByRole('link', { name: 'Custom types', exact: true }).click();
    await page.getByRole('heading', { name: 'Custom types', exact: true }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New custom type' }).click();
    await page.getByRole('heading', { name: 'New custom type' }).waitFor();
    await page.getByLabel('Name').fill('FAQ');
    await page.getByLabel('Slug').fill('faq');
    await page.getByRole('button', { name: 'Add field' }).click();
    await field(1).getByLabel('Key').fill('Question');
    await field(1).getByLabel('Label').fill('Question');
    await field(1).getByLabel('Required').check();
    await field(1).getByLabel('Shown to').selectOption('public');
    await page.getByRole('button', { name: 'Add field' }).last().click();
    await field(2).getByLabel('Key').fill('answer');
    await field(2).getByLabel('Label').fill('Answer');
    await field(2).getByLabel('Type').selectOption('rich_text');
    await field(2).getByLabel('Shown to').selectOption('public');
    // An upper-case key: the server's 422 names /fields/0/key, shown under that input.
    await page.getByRole('button', { name: 'Save schema' }).click();
    const keyInput = field(1).getByLabel('Key');
    await field(1).getByTestId('field-error').waitFor();
    expect(await keyInput.getAttribute('aria-invalid')).toBe('true');
    expect(await field(2).getByTestId('field-error').count()).toBe(0);
    expect(await h.violations(page)).toEqual([]);
    await keyInput.fill('question');
    await page.getByRole('button', { name: 'Save schema' }).click();
    await page.getByRole('heading', { name: 'FAQ', exact: true }).waitFor();
    const compiled = page.getByTestId('json-schema');
    await compiled.waitFor();
    const schema = JSON.parse((await compiled.textContent()) ?? '{}') as {
      properties: Record<string, { title?: string }>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(['question', 'answer']);
    expect(schema.required).toEqual(['question']);
    expect(schema.properties.question?.title).toBe('Question');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-flex-builder');

    const saved = api.expectStatus('schema', await api.call('GET', '/flex/schemas/faq', undefined, operator), 200).body as {
      fields: { key: string; type: string; required?: boolean; access?: string }[];
    };
    expect(saved.fields).toEqual([
      { key: 'question', label: 'Question', type: 'text', required: true, access: 'public' },
      { key: 'answer', label: 'Answer', type: 'rich_text', access: 'public' },
    ]);
  });

  it('writes an entry in the form the fields make, refused without its required question, then published', async () => {
    await page.getByRole('link', { name: 'Entries', exact: true }).click();
    await page.getByRole('heading', { name: 'FAQ: entries' }).waitFor();
    await page.getByRole('link', { name: 'New entry' }).click();
    await page.getByRole('heading', { name: 'New entry: FAQ' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByLabel('Answer').fill('<p>Yes, <b>everywhere</b>.</p>');
    await page.getByRole('button', { name: 'Create entry' }).click();
    await page.getByTestId('field-error').first().waitFor();
    expect(await page.getByLabel('Question').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Question').fill('Do you ship abroad?');
    await page.getByRole('button', { name: 'Create entry' }).click();
    await page.getByRole('heading', { name: 'Entry of FAQ' }).waitFor();
    expect(await page.getByTestId('entry-status').textContent()).toBe('Draft');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('entry-status').filter({ hasText: 'Published' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'All entries' }).click();
    await page.getByRole('link', { name: 'Do you ship abroad?' }).waitFor();
    expect(await page.getByTestId('entry-status').first().textContent()).toBe('Published');
    expect(await h.violations(page)).toEqual([]);

    const open = api.expectStatus(
      'public entries',
      await api.call('GET', '/flex/schemas/faq/entries', undefined, { 'x-tenant-id': 'default' }),
      200,
    ).body as { items: { status: string; values: Record<string, unknown> }[] };
    expect(open.items.map((e) => [e.status, e.values.question])).toEqual([['published', 'Do you ship abroad?']]);
  });

  it('shows the entry on a storefront page with a flex_list block made in the block editor', async () => {
    await page.getByRole('link', { name: 'Pages', exact: true }).click();
    await page.getByRole('heading', { name: 'Pages', exact: true }).waitFor();
    await page.getByLabel('Title').fill('Help');
    await page.getByLabel('Slug').fill('help');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: 'Help', exact: true }).waitFor();
    await page.getByLabel('Kind of block').selectOption('flex_list');
    await page.getByRole('button', { name: 'Add block' }).click();
    const block = page.getByRole('group', { name: 'Block 1: Custom type entries' });
    await block.getByLabel('Custom type (slug)').fill('faq');
    await block.getByLabel('Title', { exact: true }).fill('Questions');
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save blocks' }).click();
    await page.getByRole('status').filter({ hasText: 'Blocks saved.' }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('page-status').filter({ hasText: 'Published' }).waitFor();

    const res = await fetch(`${h.server.address}/pages/help`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const list = html.match(/<section data-block="flex_list"[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(list).toContain('<h2>Questions</h2>');
    expect(list).toContain('<dt>Question</dt><dd>Do you ship abroad?</dd>');
    expect(list).toContain('<b>everywhere</b>');
  });

  it('gives a field added to the schema its input at once: each type, a list, a value per locale, a group', async () => {
    const more = [
      { key: 'question', label: 'Question', type: 'text', required: true, access: 'public' },
      { key: 'answer', label: 'Answer', type: 'rich_text', access: 'public' },
      { key: 'topic', label: 'Topic', type: 'enum', choices: ['shipping', 'payment'] },
      { key: 'featured', label: 'Featured', type: 'boolean' },
      { key: 'keywords', label: 'Keywords', type: 'text', list: true },
      { key: 'summary', label: 'Summary', type: 'text', localized: true },
      { key: 'details', label: 'Details', type: 'object', fields: [{ key: 'zone', label: 'Zone', type: 'text' }] },
      { key: 'extra', label: 'Extra', type: 'json' },
      { key: 'rank', label: 'Rank', type: 'integer' },
      { key: 'weight', label: 'Weight', type: 'decimal' },
      { key: 'since', label: 'Since', type: 'date' },
      { key: 'starts', label: 'Starts', type: 'datetime' },
      { key: 'price', label: 'Price', type: 'money' },
      { key: 'leaflet', label: 'Leaflet', type: 'file' },
    ];
    api.expectStatus('schema update', await api.call('PATCH', '/flex/schemas/faq', { fields: more }, operator), 200);
    const list = api.expectStatus('entries', await api.call('GET', '/flex/schemas/faq/entries', undefined, operator), 200).body as {
      items: { id: string }[];
    };
    const id = list.items[0]?.id ?? '';
    await page.goto(`${h.server.address}/admin/flex/faq/entries/${id}`);
    await page.getByRole('heading', { name: 'Entry of FAQ' }).waitFor();
    await page.getByLabel('Topic').selectOption('payment');
    await page.getByLabel('Featured').check();
    await page.getByRole('button', { name: 'Add to Keywords' }).click();
    await page.getByLabel('Keywords 1').fill('abroad');
    await page.getByRole('button', { name: 'Add to Keywords' }).click();
    await page.getByLabel('Keywords 2').fill('post');
    await page.getByLabel('Summary (en)').fill('We ship everywhere.');
    await page.getByLabel('Summary (ru)').fill('Доставляем везде.');
    await page.getByRole('group', { name: 'Details' }).getByLabel('Zone').fill('EU');
    await page.getByLabel('Extra').fill('{"a": [1, 2]}');
    await page.getByLabel('Rank').fill('3');
    await page.getByLabel('Weight').fill('1.25');
    await page.getByLabel('Since').fill('2026-01-31');
    await page.getByLabel('Starts').fill('2026-02-01T10:30');
    await page.getByLabel('Price: amount in minor units').fill('1999');
    await page.getByLabel('Price: currency code').fill('eur');
    await page.getByLabel('Leaflet').fill('https://example.com/leaflet.pdf');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-flex-entry-types');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Entry saved.' }).waitFor();

    const entry = api.expectStatus('entry', await api.call('GET', `/flex/entries/${id}`, undefined, operator), 200).body as {
      values: Record<string, unknown>;
    };
    expect(entry.values).toMatchObject({
      question: 'Do you ship abroad?',
      topic: 'payment',
      featured: true,
      keywords: ['abroad', 'post'],
      summary: { en: 'We ship everywhere.', ru: 'Доставляем везде.' },
      details: { zone: 'EU' },
      extra: { a: [1, 2] },
      rank: 3,
      weight: '1.25',
      since: '2026-01-31',
      price: { amount: 1999, currencyCode: 'EUR' },
      leaflet: 'https://example.com/leaflet.pdf',
    });
    expect(Date.parse(String(entry.values.starts))).not.toBeNaN();
  });

  it('speaks Russian in the builder', async () => {
    await page.getByRole('link', { name: 'Custom types', exact: true }).click();
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await page.getByRole('heading', { name: 'Свои типы', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Новый тип' }).click();
    await page.getByRole('heading', { name: 'Новый свой тип' }).waitFor();
    await page.getByLabel('Название').waitFor();
    await page.getByLabel('Ключ (slug)').waitFor();
    await page.getByLabel('Что описывает').waitFor();
    await page.getByRole('button', { name: 'Добавить поле' }).click();
    const first = page.getByRole('group', { name: /^Поле 1/ });
    for (const label of ['Ключ', 'Подпись', 'Тип', 'Кому видно', 'Обязательное', 'Список значений', 'Значение для каждого языка'])
      await first.getByLabel(label, { exact: true }).waitFor();
    expect(await first.getByLabel('Тип', { exact: true }).locator('option:checked').textContent()).toBe('Текст');
    await page.getByRole('button', { name: 'Сохранить схему' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-flex-builder-ru');
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
  });

  it('takes Custom types out of the menu while the module is off for the tenant', async () => {
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByRole('link', { name: 'Custom types', exact: true }).waitFor();
    api.expectStatus('flex off', await api.call('PUT', '/modules/flex', { enabled: false }, operator), 200);
    await page.reload();
    await menu.getByRole('link', { name: 'Pages', exact: true }).waitFor();
    expect(await menu.getByRole('link', { name: 'Custom types', exact: true }).count()).toBe(0);
    api.expectStatus('flex on', await api.call('PUT', '/modules/flex', { enabled: true }, operator), 200);
    await page.reload();
    await menu.getByRole('link', { name: 'Custom types', exact: true }).waitFor();
  });

  it('pages through many entries, unpublishes one and deletes one after a confirmation', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 51; n++) {
      const res = await api.call(
        'POST',
        '/flex/schemas/faq/entries',
        { values: { question: `Question ${n}` }, status: 'published' },
        operator,
      );
      ids.push((api.expectStatus('entry', res, 201).body as { id: string }).id);
    }
    await page.goto(`${h.server.address}/admin/flex/faq/entries`);
    await page.getByRole('heading', { name: 'FAQ: entries' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await page.getByRole('link', { name: 'Question 51', exact: true }).waitFor();
    expect(await rows.count()).toBe(1 + 50);
    await page.getByRole('button', { name: 'More entries' }).click();
    await page.getByRole('link', { name: 'Do you ship abroad?' }).waitFor();
    expect(await rows.count()).toBe(1 + 52);
    expect(await page.getByRole('button', { name: 'More entries' }).count()).toBe(0);
    expect(await h.violations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Question 51', exact: true }).click();
    await page.getByRole('heading', { name: 'Entry of FAQ' }).waitFor();
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByTestId('entry-status').filter({ hasText: 'Draft' }).waitFor();
    // A draft is not public any more.
    api.expectStatus('public', await api.call('GET', `/flex/entries/${ids[50]}`, undefined, { 'x-tenant-id': 'default' }), 404);
    // Cancel leaves it; the dialog's Delete removes it and goes back to the list.
    await page.getByRole('button', { name: 'Delete entry' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Delete entry' }).click();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'FAQ: entries' }).waitFor();
    await page.getByRole('link', { name: 'Question 50', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Question 51', exact: true }).count()).toBe(0);
    api.expectStatus('deleted', await api.call('GET', `/flex/entries/${ids[50]}`, undefined, operator), 404);
  });
});
