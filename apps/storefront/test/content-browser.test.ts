import { axeViolations } from '@rustok/testing/axe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, type ShopBrowser, startShopBrowser } from './browser.js';

const violations = axeViolations;

describeInBrowser('storefront content pages in a browser', () => {
  let b: ShopBrowser;
  let postSlug: string;
  let topicSlug: string;
  beforeAll(async () => {
    b = await startShopBrowser();
    const posts = await b.shop.api<{ items: { slug: string; title: string }[] }>('GET', '/store/content?kind=post');
    postSlug = posts.body.items.find((p) => p.title === 'Welcome to RusToK')?.slug ?? '';
    const topic = await b.shop.api<{ id: string; slug: string }>('POST', '/forum/topics', { title: 'Shipping times', body: 'How long?' });
    await b.shop.api('POST', `/forum/topics/${topic.body.id}/replies`, { body: 'About a week.' });
    topicSlug = topic.body.slug;
    const products = await b.shop.api<{ items: { id: string }[] }>('GET', '/store/products?limit=2');
    const page = await b.shop.api<{ id: string }>('POST', '/pages', {
      title: 'Our story',
      slug: 'our-story',
      blocks: [
        { type: 'hero', data: { title: 'Our story', subtitle: 'Since 2020', ctaUrl: '/search' } },
        { type: 'rich_text', data: { markdown: 'We make **goods**.' } },
        { type: 'product_grid', data: { title: 'Favourites', productIds: products.body.items.map((p) => p.id) } },
      ],
    });
    await b.shop.api('POST', `/pages/${page.body.id}/publish`);
    await b.shop.settle();
  }, 120_000);
  afterAll(() => b?.close());

  it('shows the blog, a post, the forum, a topic and a CMS page without serious accessibility problems', async () => {
    // axe runs as a script in the page: this context keeps JavaScript on (the pages have no islands).
    const context = await b.context();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    for (const path of ['/blog', `/blog/${postSlug}`, '/forum', `/forum/${topicSlug}`, '/pages/our-story', '/ru/blog']) {
      const response = await page.goto(`${b.originOf()}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await violations(page), path).toEqual([]);
    }
    expect(failed).toEqual([]);
    await context.close();
  });

  it('lets a signed-in customer post a comment with the plain form (no JavaScript)', async () => {
    const registered = await b.shop.api<{ accessToken: string }>(
      'POST',
      '/auth/register',
      { email: 'browser-reader@example.com', password: 'a long enough password 2' },
      {},
    );
    const context = await b.context({ javaScript: false });
    await context.addCookies([{ name: 'rk_session', value: registered.body.accessToken, url: b.originOf() }]);
    const page = await context.newPage();
    await page.goto(`${b.originOf()}/blog/${postSlug}`);
    await page.getByLabel('Your comment').fill('Lovely post.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('status').filter({ hasText: 'Your comment awaits moderation.' }).waitFor();
    expect(new URL(page.url()).search).toBe('?comment=pending');
    await context.close();
  });
});
