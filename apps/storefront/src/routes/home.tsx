import type { StoreContentPage, StoreProductPage } from '@rustok/index/contracts';
import { type PageContext, shopNameOf } from '../context.js';
import { formatDate } from '../i18n/format.js';
import { homeMessages } from '../i18n/home.js';
import { messagesFor } from '../i18n/messages.js';
import type { PageOutcome, PageRoute } from '../page-route.js';
import { FIRST_ROW, ProductCard } from '../views/product-card.js';

const featuredOf = async (ctx: PageContext) => {
  const tag = ctx.site.storefront.featuredTag;
  const query = { locale: ctx.locale, currency: ctx.currency, limit: 8, ...(tag ? { tag } : { sort: 'newest' }) };
  const result = await ctx.api.get<StoreProductPage>('/store/products', query);
  return result.ok ? result.value.items : [];
};

const postsOf = async (ctx: PageContext) => {
  const result = await ctx.api.get<StoreContentPage>('/store/content', { kind: 'post', locale: ctx.locale, limit: 3 });
  return result.ok ? result.value.items : [];
};

const loadHome = async (ctx: PageContext): Promise<PageOutcome> => {
  const t = messagesFor(homeMessages, ctx.locale);
  const [products, posts] = await Promise.all([featuredOf(ctx), postsOf(ctx)]);
  const name = shopNameOf(ctx.site);
  return {
    head: { title: name, description: ctx.site.storefront.tagline, canonicalPath: '/' },
    tags: ['products', 'content'],
    body: (
      <>
        <section class="hero">
          <h1>{name}</h1>
          {ctx.site.storefront.tagline ? <p>{ctx.site.storefront.tagline}</p> : null}
          <p>
            <a href={ctx.href('/search')}>{t.allProducts}</a>
          </p>
        </section>
        <section aria-labelledby="featured">
          <h2 id="featured">{t.featured}</h2>
          <ul class="grid">
            {products.map((product, i) => (
              <ProductCard ctx={ctx} product={product} soldOut={t.soldOut} eager={i < FIRST_ROW} />
            ))}
          </ul>
        </section>
        {posts.length > 0 ? (
          <section aria-labelledby="posts">
            <h2 id="posts">{t.latestPosts}</h2>
            <ul class="grid">
              {posts.map((post) => (
                <li class="card">
                  <a href={ctx.href(`/blog/${post.slug}`)}>
                    <h3>{post.title}</h3>
                  </a>
                  {post.publishedAt ? <p class="muted">{formatDate(ctx.locale, post.publishedAt)}</p> : null}
                  <p>{post.excerpt ?? post.bodyPreview}</p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>
    ),
  };
};

export const homePage: PageRoute = { path: '/', shared: true, load: loadHome };
