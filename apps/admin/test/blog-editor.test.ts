import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// A shop's editor on the blog's editing screens (Chromium, the real server): a post's text changed
// with its preview beside it, two edits compared with a revision line by line and the older text
// put back, publication scheduled and called off, categories and tags made and given to the post,
// and a comment approved from the queue across posts.
describeInEmbeddedBrowser('admin app: blog editor, revisions, scheduling, taxonomy', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let staff: Record<string, string>;
  let postId = '';
  const password = 'Ink-editor-pass-1';
  const owner = { tenant: 'inkwell', email: 'owner@inkwell.example.com', password };
  const first = 'The kettle sang.\nWe waited.\nThe leaves opened.';
  const second = 'The kettle sang.\nWe waited a minute.\nThe leaves opened.';
  const third = 'The kettle sang.\nWe waited three minutes.\nThe leaves opened.';

  const post = async () => api.expectStatus('post', await api.call('GET', `/blog/posts/${postId}`, undefined, staff), 200).body;
  const body = (page: Page) => page.getByLabel('Body (Markdown)', { exact: true });
  const save = async () => {
    await page.getByRole('button', { name: 'Save changes', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved' }).waitFor();
  };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    staff = await api.tenantWithOwner(owner.tenant, owner);
    const created = await api.call('POST', '/blog/posts', { title: 'Brewing diary', body: first }, staff);
    postId = String(api.expectStatus('post', created, 201).body.id);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }, 180_000);
  afterAll(() => h?.close());

  it('edits a post with the Markdown preview beside it (raw HTML shown as text)', async () => {
    await page.getByRole('link', { name: 'Blog', exact: true }).click();
    await page.getByRole('link', { name: 'Brewing diary', exact: true }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Brewing diary', exact: true }).click();
    await page.getByRole('link', { name: 'Edit text, category and tags', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit “Brewing diary”', exact: true }).waitFor();
    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    await preview.locator('p').first().waitFor();
    expect(await preview.locator('p').allTextContents()).toEqual([first]);
    await body(page).fill('## Notes\n\nThe *first* brew.\n\n- Oolong\n- Sencha\n\n<script>alert(1)</script>');
    await preview.getByRole('heading', { name: 'Notes', level: 3 }).waitFor();
    expect(await preview.locator('em').allTextContents()).toEqual(['first']);
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['Oolong', 'Sencha']);
    expect(await preview.locator('script').count()).toBe(0);
    await preview.getByText('<script>alert(1)</script>').waitFor();
    await page.getByLabel('Excerpt (optional)', { exact: true }).fill('A diary of brews.');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-blog-editor');
    await body(page).fill(second);
    await save();
    expect(await post()).toMatchObject({ body: second, excerpt: 'A diary of brews.', revision: 2 });
  });

  it('keeps revisions: the diff shows the changed line, and a restore puts the older text back', async () => {
    await page.getByLabel('Title', { exact: true }).fill('Brewing diary, revised');
    await body(page).fill(third);
    await save();
    const rows = page.getByTestId('revision');
    await rows.first().filter({ hasText: '3 (current)' }).waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByRole('button', { name: 'Compare revision 2', exact: true }).click();
    const diff = page.getByRole('region', { name: 'Revision 2 against the current text', exact: true });
    await diff.locator('del').waitFor();
    expect(await diff.locator('del').allTextContents()).toEqual(['removed: − We waited a minute.']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['added: + We waited three minutes.']);
    expect(await diff.locator('[data-kind="same"]').count()).toBe(2);
    expect(await page.getByTestId('revision-title').textContent()).toBe('Its title: “Brewing diary”.');
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Restore revision 2', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Put back the text of revision 2?').waitFor();
    expect(await h.violations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect((await post()).body).toBe(third);
    await page.getByRole('button', { name: 'Restore revision 2', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Revision 2 restored.' }).waitFor();
    expect(await post()).toMatchObject({ title: 'Brewing diary', body: second, revision: 4 });
    await expect.poll(() => body(page).inputValue()).toBe(second);
  });

  it('schedules publication for a future time, shows it scheduled, and calls it off', async () => {
    await page.getByRole('link', { name: 'Back to the post', exact: true }).click();
    const at = new Date(Date.now() + 3 * 24 * 3_600_000);
    at.setSeconds(0, 0);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Publication date and time', { exact: true }).fill(local);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page
      .getByTestId('post-status')
      .filter({ hasText: /^scheduled$/ })
      .waitFor();
    expect(await page.getByTestId('post-scheduled').textContent()).toMatch(/^Goes out on /);
    expect(await post()).toMatchObject({ status: 'scheduled', publishAt: at.toISOString() });
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'All posts', exact: true }).click();
    await page.getByRole('cell', { name: /^scheduled for / }).waitFor();
    await page.getByRole('link', { name: 'Brewing diary', exact: true }).click();
    await page.getByRole('button', { name: 'Unschedule', exact: true }).click();
    await page
      .getByTestId('post-status')
      .filter({ hasText: /^draft$/ })
      .waitFor();
    expect(await post()).toMatchObject({ status: 'draft', publishAt: null });
  });

  it('makes a category tree and a tag, and the editor files the post under them', async () => {
    await page.getByRole('link', { name: 'Taxonomy', exact: true }).click();
    await page.getByText('No categories yet.').waitFor();
    const addCategory = async (name: string, under?: string) => {
      await page.getByLabel('Category name', { exact: true }).fill(name);
      if (under) await page.getByLabel('Under', { exact: true }).selectOption({ label: under });
      await page.getByRole('button', { name: 'Create category', exact: true }).click();
      await page.getByTestId('category').filter({ hasText: name }).first().waitFor();
    };
    await addCategory('Teas');
    await addCategory('Green', 'Teas');
    await addCategory('Misc');
    await page.getByRole('button', { name: 'Rename or move Green', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Green teas');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const teas = page.getByTestId('category').filter({ has: page.getByText('Teas', { exact: true }) });
    await teas.getByTestId('category').filter({ hasText: 'Green teas' }).waitFor();
    await page.getByRole('button', { name: 'Rename or move Misc', exact: true }).click();
    await page.getByLabel('Parent', { exact: true }).selectOption({ label: '\u2003Green teas' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await teas.getByTestId('category').filter({ hasText: 'Green teas' }).getByTestId('category').filter({ hasText: 'Misc' }).waitFor();
    await page.getByRole('button', { name: 'Delete Misc', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete Misc', exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel('Tag name', { exact: true }).fill('Spring');
    await page.getByRole('button', { name: 'Create tag', exact: true }).click();
    await page.getByTestId('tag').filter({ hasText: 'Spring' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-taxonomy');
    const categories = (await api.call('GET', '/content/categories', undefined, staff)).body.items as { id: string; name: string }[];
    expect(categories.map((c) => c.name).sort()).toEqual(['Green teas', 'Teas']);
    const green = categories.find((c) => c.name === 'Green teas');

    await page.goto(`${h.server.address}/admin/blog/${postId}/edit`);
    await page.getByLabel('Category', { exact: true }).selectOption(green?.id ?? '');
    await page.getByRole('checkbox', { name: 'Spring', exact: true }).check();
    await save();
    const tags = (await api.call('GET', '/content/tags', undefined, staff)).body.items as { id: string }[];
    expect(await post()).toMatchObject({ categoryId: green?.id, tagIds: tags.map((t) => t.id) });
    await page.getByRole('link', { name: 'Back to the post', exact: true }).click();
    await page
      .getByTestId('post-category')
      .filter({ hasText: /^Green teas$/ })
      .waitFor();
    await page
      .getByTestId('post-tags')
      .filter({ hasText: /^Spring$/ })
      .waitFor();
  });

  it('approves and rejects comments from the queue across posts', async () => {
    api.expectStatus('publish', await api.call('POST', `/blog/posts/${postId}/publish`, undefined, staff), 200);
    const other = api.expectStatus('post', await api.call('POST', '/blog/posts', { title: 'Second steep' }, staff), 201).body.id;
    api.expectStatus('publish', await api.call('POST', `/blog/posts/${other}/publish`, undefined, staff), 200);
    const customer = { email: 'sipper@example.com', password };
    api.expectStatus('customer', await api.call('POST', '/auth/users', { ...customer, roles: ['customer'] }, staff), 201);
    const reader = { authorization: `Bearer ${await api.tokenOf(owner.tenant, customer.email, password)}`, 'x-tenant-id': owner.tenant };
    api.expectStatus('comment', await api.call('POST', `/blog/posts/${postId}/comments`, { body: 'Which sencha?' }, reader), 201);
    api.expectStatus('comment', await api.call('POST', `/blog/posts/${other}/comments`, { body: 'Buy cheap pots' }, reader), 201);
    await page.getByRole('link', { name: 'Comment queue', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '2 comments wait for approval.' }).waitFor();
    const wanted = page.getByRole('region', { name: 'Brewing diary', exact: true }).getByTestId('comment');
    const spam = page.getByRole('region', { name: 'Second steep', exact: true }).getByTestId('comment');
    expect(await wanted.locator('p').textContent()).toBe('Which sencha?');
    expect(await spam.locator('p').textContent()).toBe('Buy cheap pots');
    expect(await h.violations(page)).toEqual([]);
    await wanted.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 comment waits for approval.' }).waitFor();
    await spam.getByRole('button', { name: 'Reject', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'No comment is waiting.' }).waitFor();
    const shown = async (id: unknown) =>
      (
        (await api.call('GET', `/blog/posts/${id}/comments`, undefined, { 'x-tenant-id': owner.tenant })).body.items as { body?: string }[]
      ).map((c) => c.body);
    expect(await shown(postId)).toEqual(['Which sencha?']);
    expect(await shown(other)).toEqual([]);
  });

  it('speaks Russian on the editor when the language is switched', async () => {
    await page.goto(`${h.server.address}/admin/blog/${postId}/edit`);
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await page.getByRole('region', { name: 'Предпросмотр', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Редакции', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Сравнить редакцию 2', exact: true }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Revisions', exact: true }).waitFor();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    expect(h.problems).toEqual([]);
  });
});
