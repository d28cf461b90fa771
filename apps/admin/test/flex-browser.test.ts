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
});
