import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

interface Node {
  id: string;
  metadata: Record<string, unknown>;
}
interface MenuItem {
  label: Record<string, string>;
  link: { type: string; url?: string; pageId?: string };
  children: MenuItem[];
}

/** Drags by the handle and drops at a point of the target: `fraction` of its height from the top. */
const dragOnto = async (handle: Locator, target: Locator, fraction: number) => {
  const box = await target.boundingBox();
  if (!box) throw new Error('the drop target is not on screen');
  await handle.dragTo(target, { targetPosition: { x: Math.min(20, box.width / 2), y: box.height * fraction } });
};

// A site's staff moderate the forum, build a page from ordered blocks and a nested menu in the admin
// app (Chromium, the real server), and the public API shows the result.
describeInEmbeddedBrowser('admin app: forum, pages and menus', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let staff: Record<string, string>;
  let topicId = '';
  let oldTopicId = '';
  const owner = { tenant: 'tea-club', email: 'owner@tea-club.example.com', password: 'Tea-club-pass-1' };

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    staff = await api.tenantWithOwner(owner.tenant, owner);
    const open = async (title: string) =>
      (api.expectStatus('topic', await api.call('POST', '/forum/topics', { title, body: `${title}?` }, staff), 201).body as unknown as Node)
        .id;
    topicId = await open('Opening hours');
    const reply = { body: 'From nine to five.' };
    api.expectStatus('reply', await api.call('POST', `/forum/topics/${topicId}/replies`, reply, staff), 201);
    // The later topic is the more recently active one: only the pin puts the first above it.
    oldTopicId = await open('Old news');
    page = await h.open('/admin/sign-in');
    await h.signIn(page, owner);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    page.setDefaultTimeout(20_000);
  }, 180_000);
  afterAll(() => h?.close());

  it('pins and locks a topic, edits its reply, and a locked topic refuses replies', async () => {
    await page.getByRole('link', { name: 'Forum', exact: true }).click();
    await page.getByRole('heading', { name: 'Forum', exact: true }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Opening hours' }).click();
    await page.getByRole('heading', { name: 'Opening hours' }).waitFor();
    await page.getByRole('button', { name: 'Pin', exact: true }).click();
    await page.getByRole('button', { name: 'Unpin', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    expect(await page.getByTestId('topic-flags').textContent()).toBe('Pinned · Locked');
    await page.getByRole('button', { name: 'Edit reply' }).click();
    await page.getByLabel('Reply text').fill('From nine to six.');
    await page.getByRole('button', { name: 'Save reply' }).click();
    await page.getByTestId('reply').getByText('From nine to six.').waitFor();

    const topic = api.expectStatus('topic', await api.call('GET', `/forum/topics/${topicId}`, undefined, staff), 200)
      .body as unknown as Node;
    expect(topic.metadata).toMatchObject({ pinned: true, locked: true });
    const refused = await api.call('POST', `/forum/topics/${topicId}/replies`, { body: 'Still open?' }, staff);
    expect([refused.status, refused.body.code]).toEqual([409, 'FORUM_TOPIC_LOCKED']);
    const replies = (await api.call('GET', `/forum/topics/${topicId}/replies`, undefined, staff)).body as { items: { body: string }[] };
    expect(replies.items.map((r) => r.body)).toEqual(['From nine to six.']);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-forum');
  });

  it('lists pinned topics first and deletes a topic after asking', async () => {
    await page.getByRole('link', { name: 'All topics' }).click();
    const first = page.getByRole('row').nth(1);
    await first.getByRole('link', { name: 'Opening hours' }).waitFor();
    await page.getByRole('link', { name: 'Old news' }).click();
    await page.getByRole('button', { name: 'Delete topic' }).click();
    await page.getByRole('alertdialog').getByText('Delete “Old news” and all its replies?').waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('heading', { name: 'Forum', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Old news' }).waitFor({ state: 'detached' });
    expect((await api.call('GET', `/forum/topics/${oldTopicId}`, undefined, staff)).status).toBe(404);
  });

  it('builds a page from three blocks, reorders them by keyboard and by dragging, and publishes it', async () => {
    await page.getByRole('link', { name: 'Pages', exact: true }).click();
    await page.getByRole('heading', { name: 'Pages', exact: true }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByLabel('Title').fill('About us');
    await page.getByLabel('Slug').fill('about-us');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: 'About us' }).waitFor();
    const text = page.getByRole('group', { name: 'Title and address' });
    await text.getByLabel('Title').fill('About the tea club');
    await text.getByRole('button', { name: 'Save title and slug' }).click();
    await page.getByRole('heading', { name: 'About the tea club' }).waitFor();
    const add = async (kind: string) => {
      await page.getByLabel('Kind of block').selectOption(kind);
      await page.getByRole('button', { name: 'Add block' }).click();
    };
    await add('hero');
    await page.getByRole('group', { name: 'Block 1: Hero' }).getByLabel('Title', { exact: true }).fill('Welcome');
    await add('rich_text');
    await page.getByRole('group', { name: 'Block 2: Text' }).getByLabel('Text (Markdown)').fill('We sell **tea**.');
    await add('image');
    const image = page.getByRole('group', { name: 'Block 3: Image' });
    await image.getByLabel('Image URL').fill('/images/shop.jpg');
    await image.getByLabel('Alternative text').fill('Our shop');
    await page.getByRole('button', { name: 'Save blocks' }).click();
    await page.getByRole('status').filter({ hasText: 'Blocks saved.' }).waitFor();

    // By keyboard: the image moves up twice, focus staying on its button.
    await page.getByRole('button', { name: 'Move up, block 3' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Block 2: Image' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Block 1: Image' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Block moved to place 1 of 3.' }).waitFor();
    // By dragging: the text (now third) dropped on the hero (second) takes its place.
    const blocks = page.getByTestId('block');
    await dragOnto(blocks.nth(2).getByTestId('block-handle'), blocks.nth(1), 0.5);
    await page.getByRole('group', { name: 'Block 2: Text' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-page-blocks');
    await page.getByRole('button', { name: 'Save blocks' }).click();
    await page.getByRole('status').filter({ hasText: 'Blocks saved.' }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('page-status').filter({ hasText: 'Published' }).waitFor();

    const published = await api.call('GET', '/pages/by-slug/about-us', undefined, { 'x-tenant-id': owner.tenant });
    const body = api.expectStatus('page by slug', published, 200).body as {
      status: string;
      title: string;
      blocks: { type: string; data: Record<string, unknown> }[];
    };
    expect([body.status, body.title]).toEqual(['published', 'About the tea club']);
    expect(body.blocks.map((b) => b.type)).toEqual(['image', 'rich_text', 'hero']);
    expect(body.blocks[0]?.data).toEqual({ url: '/images/shop.jpg', alt: 'Our shop' });
    expect(body.blocks[1]?.data.html).toContain('<strong>tea</strong>');
  });

  it('builds a nested menu by keyboard and by dragging, within its depth limit', async () => {
    await page.getByRole('link', { name: 'Menus', exact: true }).click();
    await page.getByRole('heading', { name: 'Menus', exact: true }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Main');
    await page.getByLabel('Handle').fill('main');
    await page.getByRole('button', { name: 'Create menu' }).click();
    await page.getByRole('heading', { name: 'Main' }).waitFor();
    const item = (name: string | RegExp) => page.getByRole('group', { name });
    const addItem = async (at: string, label: string, link: string) => {
      await page.getByRole('button', { name: 'Add item' }).click();
      await item(`Item ${at}`).getByLabel('Label (en)').fill(label);
      if (link.startsWith('/')) await item(`Item ${at}: ${label}`).getByLabel('Address').fill(link);
      else {
        await item(`Item ${at}: ${label}`).getByLabel('Link to').selectOption('page');
        await item(`Item ${at}: ${label}`).getByLabel('Page', { exact: true }).selectOption({ label: link });
      }
    };
    await addItem('1', 'Shop', '/shop');
    await addItem('2', 'About', 'About the tea club');
    await addItem('3', 'Team', '/about/team');
    await addItem('4', 'History', '/about/history');
    // By keyboard: Team under About, History under Team (three levels).
    await page.getByRole('button', { name: 'Indent, item 3', exact: true }).click();
    await item('Item 2.1: Team').waitFor();
    await page.getByRole('button', { name: 'Indent, item 3', exact: true }).click();
    await item('Item 2.2: History').waitFor();
    await page.keyboard.press('Enter');
    await item('Item 2.1.1: History').waitFor();
    // A fourth level is refused with the reason.
    await page.getByRole('button', { name: 'Indent, item 2', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Not moved: a menu nests at most 3 levels deep.' }).waitFor();
    // By dragging: Shop dropped on the lower part of About goes after it.
    await dragOnto(item('Item 1: Shop').getByTestId('menu-handle'), item('Item 2: About').locator('.menu-row'), 0.9);
    await item('Item 2: Shop').waitFor();
    await item('Item 1.1.1: History').waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-menu');
    await page.getByRole('button', { name: 'Save menu' }).click();
    await page.getByRole('status').filter({ hasText: 'Menu saved.' }).waitFor();

    const read = await api.call('GET', '/menus/by-handle/main', undefined, { 'x-tenant-id': owner.tenant });
    const menu = api.expectStatus('menu by handle', read, 200).body as { items: MenuItem[] };
    const shape = (items: MenuItem[]): unknown[] => items.map((i) => [i.label.en, i.link.type, shape(i.children)]);
    expect(shape(menu.items)).toEqual([
      ['About', 'page', [['Team', 'url', [['History', 'url', []]]]]],
      ['Shop', 'url', []],
    ]);
    expect(menu.items[1]?.link.url).toBe('/shop');
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    expect(h.problems).toEqual([]);
  });
});
