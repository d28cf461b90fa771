import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInBrowser, startAdminHarness } from './browser.js';

// A shop's editor in the admin app (Chromium, the real server with every built-in module): a blog
// post written with a preview, translated, published and then found in the storefront API in both
// locales; a customer's comment moderated.
describeInBrowser('admin app: blog', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let staff: Record<string, string>;
  let postId = '';
  const password = 'Tea-blog-pass-1';
  const owner = { tenant: 'notes', email: 'owner@notes.example.com', password };
  const customer = { email: 'reader@example.com', password };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    staff = await api.tenantWithOwner(owner.tenant, owner);
    api.expectStatus('customer', await api.call('POST', '/auth/users', { ...customer, roles: ['customer'] }, staff), 201);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  it('writes a post with a preview and saves it as a draft', async () => {
    await page.getByRole('link', { name: 'Blog' }).click();
    await page.getByText('No posts yet.').waitFor();
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByLabel('Title').fill('Spring tea notes');
    await page.getByLabel('Slug (optional)').fill('spring-tea-notes');
    await page.getByLabel('Body (Markdown)').fill('The first flush arrived.\n\nIt tastes of fresh grass.');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await page.getByRole('region', { name: 'Preview' }).locator('p').allTextContents()).toEqual([
      'The first flush arrived.',
      'It tastes of fresh grass.',
    ]);
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Spring tea notes' }).waitFor();
    postId = page.url().split('/').at(-1) ?? '';
    expect(await page.getByTestId('post-status').textContent()).toBe('draft');
  });

  it('translates it, publishes it, and the storefront has it in both locales', async () => {
    await page.getByLabel('Locale').fill('ru');
    await page.getByLabel('Title').fill('Весенние заметки о чае');
    await page.getByLabel('Slug (optional)').fill('vesennie-zametki');
    await page.getByLabel('Body (Markdown)').fill('Первый сбор прибыл.');
    await page.getByRole('button', { name: 'Save translation' }).click();
    await page.getByRole('status').filter({ hasText: 'Translation saved.' }).waitFor();
    expect((await page.getByTestId('post-locales').textContent())?.split(', ').sort()).toEqual(['en', 'ru']);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByTestId('post-status')
      .filter({ hasText: /^published$/ })
      .waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'blog-post');
    const shop = { 'x-tenant-id': owner.tenant };
    let ru = await api.call('GET', '/store/content/post/vesennie-zametki?locale=ru', undefined, shop);
    for (let i = 0; i < 100 && ru.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ru = await api.call('GET', '/store/content/post/vesennie-zametki?locale=ru', undefined, shop);
    }
    expect(ru.status).toBe(200);
    expect(ru.body.title).toBe('Весенние заметки о чае');
    const en = await api.call('GET', '/store/content/post/spring-tea-notes', undefined, shop);
    expect(en.body.title).toBe('Spring tea notes');
  });

  it('moderates a customer’s comment', async () => {
    const reader = { authorization: `Bearer ${await api.tokenOf(owner.tenant, customer.email, password)}`, 'x-tenant-id': owner.tenant };
    api.expectStatus('comment', await api.call('POST', `/blog/posts/${postId}/comments`, { body: 'Lovely notes!' }, reader), 201);
    await page.reload();
    const comment = page.getByTestId('comment').filter({ hasText: 'Lovely notes!' });
    await comment.waitFor();
    expect(await comment.getByTestId('moderation').textContent()).toBe('pending');
    await comment.getByRole('button', { name: 'Approve' }).click();
    await comment
      .getByTestId('moderation')
      .filter({ hasText: /^approved$/ })
      .waitFor();
    const visible = await api.call('GET', `/blog/posts/${postId}/comments`, undefined, { 'x-tenant-id': owner.tenant });
    expect((visible.body.items as { body?: string }[]).map((c) => c.body)).toEqual(['Lovely notes!']);
  });

  it('switches comment auto-approval on in the blog’s settings form, built from its JSON Schema', async () => {
    await page.getByRole('link', { name: 'Modules' }).click();
    await page.getByRole('button', { name: 'Settings of Commerce' }).click();
    // Every field comes from the module's schema: commerce's include its cart lifetime in hours.
    expect(await page.getByLabel('Cart ttl hours').getAttribute('max')).toBe(String(24 * 90));
    await page.getByRole('button', { name: 'Settings of Blog' }).click();
    await page.getByRole('group', { name: 'Comments' }).getByLabel('Auto approve').check();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'module-settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const reader = { authorization: `Bearer ${await api.tokenOf(owner.tenant, customer.email, password)}`, 'x-tenant-id': owner.tenant };
    const next = api.expectStatus(
      'comment',
      await api.call('POST', `/blog/posts/${postId}/comments`, { body: 'Approved at once' }, reader),
      201,
    );
    expect(next.body).toMatchObject({ status: 'published', metadata: { moderation: 'approved' } });
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    expect(h.problems).toEqual([]);
  });
});
