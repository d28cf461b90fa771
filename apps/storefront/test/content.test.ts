import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

interface Summary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
}

/** The JSON-LD objects of a page's head. */
const jsonLdOf = (html: string): Record<string, unknown>[] =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>,
  );

describe('storefront blog and forum pages', () => {
  let shop: ShopHarness;
  let welcome: Summary;
  beforeAll(async () => {
    shop = await startShop();
    const posts = await shop.api<{ items: Summary[] }>('GET', '/store/content?kind=post&limit=20');
    const found = posts.body.items.find((p) => p.title === 'Welcome to RusToK');
    if (!found) throw new Error('the demo has no welcome post');
    welcome = found;
  });
  afterAll(() => shop?.close());

  it('lists the demo posts on /blog, each linking to its page', async () => {
    const response = await shop.page('/blog');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    const html = await response.text();
    expect(html).toContain('<h1 id="list-title">Blog</h1>');
    expect(html).toContain(`href="/blog/${welcome.slug}"`);
    expect(html).toContain('Content and commerce, one platform');
  });

  it('pages the list with a keyset cursor ("older posts") and keeps the newest on the first page', async () => {
    const posts = await shop.api<{ items: Summary[]; nextCursor: string | null }>('GET', '/store/content?kind=post&limit=20');
    for (let i = posts.body.items.length; i <= 21; i++) {
      const created = await shop.api<{ id: string }>('POST', '/blog/posts', { title: `Archive note ${i}`, body: `Note ${i}.` });
      expect(created.status).toBe(201);
      expect((await shop.api('POST', `/blog/posts/${created.body.id}/publish`)).status).toBe(200);
    }
    await shop.settle();
    const first = await (await shop.page('/blog')).text();
    const older = first.match(/<a rel="next" href="([^"]+)"/)?.[1];
    expect(older).toMatch(/^\/blog\?cursor=/);
    const second = await (await shop.page((older ?? '').replace(/&amp;/g, '&'))).text();
    expect(second).toContain('href="/blog"');
    expect(second).toContain(`href="/blog/${welcome.slug}"`);
  });

  it('filters the list by category and by tag through the query, the links on each post leading there', async () => {
    const category = await shop.api<{ id: string }>('POST', '/content/categories', { name: 'Guides', slug: 'guides' });
    const tag = await shop.api<{ id: string }>('POST', '/content/tags', { name: 'How to', slug: 'how-to' });
    const created = await shop.api<{ id: string }>('POST', '/blog/posts', {
      title: 'Choosing a mug',
      body: 'Handles matter.',
      categoryId: category.body.id,
      tagIds: [tag.body.id],
    });
    expect(created.status).toBe(201);
    expect((await shop.api('POST', `/blog/posts/${created.body.id}/publish`)).status).toBe(200);
    await shop.settle();
    const all = await (await shop.page('/blog')).text();
    expect(all).toContain('href="/blog?category=guides"');
    expect(all).toContain('href="/blog?tag=how-to"');
    const guides = await (await shop.page('/blog?category=guides')).text();
    expect(guides).toContain('Category: Guides');
    expect(guides).toContain('Choosing a mug');
    expect(guides).not.toContain('Welcome to RusToK');
    const howTo = await (await shop.page('/ru/blog?tag=how-to')).text();
    expect(howTo).toContain('Метка: how-to');
    expect(howTo).toContain('href="/ru/blog/choosing-a-mug"');
    expect(howTo).not.toContain('Welcome to RusToK');
    const post = await (await shop.page('/blog/choosing-a-mug')).text();
    expect(post).toContain('<a href="/blog?category=guides">Guides</a>');
    expect(post).toContain('<a href="/blog?tag=how-to">How to</a>');
  });

  it('shows a post: its sanitised body in an article, Article and BreadcrumbList JSON-LD', async () => {
    const response = await shop.page(`/blog/${welcome.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<article class="content-article"[^>]*>[\s\S]*<p>This is a <strong>demo<\/strong> post/);
    const data = jsonLdOf(html);
    const article = data.find((d) => d['@type'] === 'Article');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Welcome to RusToK',
      inLanguage: 'en',
    });
    expect(Date.parse(String(article?.datePublished))).not.toBeNaN();
    const trail = data.find((d) => d['@type'] === 'BreadcrumbList');
    expect(trail?.itemListElement).toHaveLength(3);
    expect(html).toContain('<meta property="og:type" content="article"/>');
  });

  it('shows the Russian translation of a post under /ru; a slug of the other locale is sent on to this one (301)', async () => {
    const ru = await shop.api<{ items: Summary[] }>('GET', '/store/content?kind=post&locale=ru&limit=50');
    const post = ru.body.items.find((p) => p.id === welcome.id);
    expect(post?.title).toBe('Добро пожаловать в RusToK');
    const html = await (await shop.page(`/ru/blog/${post?.slug}`)).text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Добро пожаловать в RusToK');
    expect(html).toContain('<strong>демонстрационная</strong>');
    expect(html).toContain('Войдите, чтобы оставить комментарий');
    expect(html).toContain('href="/ru/blog"');
    const switched = await shop.page(`/ru/blog/${welcome.slug}`);
    expect(switched.status).toBe(301);
    expect(switched.headers.get('location')).toBe(`/ru/blog/${post?.slug}`);
    const back = await shop.page(`/blog/${post?.slug}`);
    expect(back.status).toBe(301);
    expect(back.headers.get('location')).toBe(`/blog/${welcome.slug}`);
  });

  it('answers a post that does not exist with the 404 page', async () => {
    expect((await shop.page('/blog/no-such-post')).status).toBe(404);
  });

  it('sends a guest to sign in instead of showing the comment form; a guest post goes to the account page', async () => {
    const html = await (await shop.page(`/blog/${welcome.slug}`)).text();
    expect(html).toContain(`<a href="/account">Sign in to comment</a>`);
    expect(html).not.toContain('name="body"');
    const posted = await fetch(`${shop.server.address}/blog/${welcome.slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'body=Hello',
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/account');
  });

  it('lets a signed-in customer comment: the comment awaits moderation, then shows once approved', async () => {
    const registered = await shop.api<{ accessToken: string }>(
      'POST',
      '/auth/register',
      {
        email: 'reader@example.com',
        password: 'a long enough password 1',
        name: 'Reader',
      },
      {},
    );
    expect(registered.status).toBe(201);
    const cookie = `rk_session=${registered.body.accessToken}`;
    const page = await shop.page(`/blog/${welcome.slug}`, { cookie });
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('<label for="comment-body">Your comment</label>');
    expect(html).not.toContain('Sign in to comment');
    const empty = await fetch(`${shop.server.address}/blog/${welcome.slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: 'body=%20%20',
      redirect: 'manual',
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('role="alert">Write something first.');
    const posted = await fetch(`${shop.server.address}/blog/${welcome.slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ body: 'A thoughtful <b>remark</b>' }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    expect(location).toBe(`/blog/${welcome.slug}?comment=pending#comments`);
    const after = await (await shop.page(location.replace('#comments', ''), { cookie })).text();
    expect(after).toContain('Thank you! Your comment awaits moderation.');
    expect(after).not.toContain('thoughtful');
    const queue = await shop.api<{ items: { id: string }[] }>('GET', `/blog/posts/${welcome.id}/comments`);
    const comment = queue.body.items[0];
    expect((await shop.api('POST', `/blog/posts/${welcome.id}/comments/${comment?.id}/moderate`, { status: 'approved' })).status).toBe(200);
    await shop.settle();
    const shown = await (await shop.page(`/blog/${welcome.slug}`)).text();
    expect(shown).toContain('<p>A thoughtful <b>remark</b></p>');
  });

  it('lists forum topics with their reply counts and shows a topic with its replies', async () => {
    const topic = await shop.api<{ id: string; slug: string }>('POST', '/forum/topics', {
      title: 'How do I start?',
      body: 'First *steps*.',
    });
    expect(topic.status).toBe(201);
    for (const body of ['Read the docs.', 'Ask here.']) {
      expect((await shop.api('POST', `/forum/topics/${topic.body.id}/replies`, { body })).status).toBe(201);
    }
    await shop.settle();
    const list = await (await shop.page('/forum')).text();
    expect(list).toContain(`href="/forum/${topic.body.slug}"`);
    expect(list).toContain('2 replies');
    const page = await (await shop.page(`/forum/${topic.body.slug}`)).text();
    expect(page).toContain('<em>steps</em>');
    expect(page.indexOf('Read the docs.')).toBeGreaterThan(0);
    expect(page.indexOf('Ask here.')).toBeGreaterThan(page.indexOf('Read the docs.'));
    expect(jsonLdOf(page).some((d) => d['@type'] === 'DiscussionForumPosting')).toBe(true);
    const ru = await (await shop.page('/ru/forum')).text();
    expect(ru).toContain('2 ответа');
  });
});
