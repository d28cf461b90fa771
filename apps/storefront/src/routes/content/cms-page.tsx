import type { PageContext } from '../../context.js';
import { common } from '../../i18n/common.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageRoute } from '../../page-types.js';
import { Blocks, gridIds, type PageBlock } from '../../views/content/blocks.js';
import { breadcrumbJsonLd } from '../../views/content/breadcrumbs.js';
import { flexListSchema, flexListsOf } from './flex-lists.js';
import { type GridProduct, productsByIds } from './grid-products.js';

/** A published page as the pages API answers it: its node in the locale and its blocks in order. */
interface CmsPage {
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly bodyHtml?: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly blocks: readonly PageBlock[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const pageOf = async (ctx: PageContext, slug: string): Promise<CmsPage | undefined> => {
  if (!SLUG.test(slug) || slug.length > 200) return undefined;
  const result = await ctx.api.get<CmsPage>(`/pages/by-slug/${slug}`, { locale: ctx.locale });
  return result.ok ? result.value : undefined;
};

const metaText = (page: CmsPage, name: string): string | undefined => {
  const value = page.metadata[name];
  return typeof value === 'string' && value.trim() ? value : undefined;
};

/** `/pages/:slug`: a published CMS page, its blocks in order (hero, rich text, image, product grid, flex list). */
export const cmsPage: PageRoute = {
  path: '/pages/:slug',
  shared: true,
  load: async (ctx, params) => {
    const page = await pageOf(ctx, params.slug ?? '');
    if (!page) return { notFound: true };
    const ids = [...new Set(page.blocks.flatMap(gridIds))];
    const [products, flexLists] = await Promise.all([productsByIds(ctx, ids), flexListsOf(ctx, page.blocks)]);
    const schemas = [...new Set(page.blocks.map(flexListSchema).filter((s): s is string => s !== undefined))];
    const byId = new Map<string, GridProduct>(products.map((p) => [p.id, p]));
    const heroFirst = page.blocks[0]?.type === 'hero';
    const path = `/pages/${page.slug}`;
    const trail = [
      { name: messagesFor(common, ctx.locale).home, path: '/' },
      { name: page.title, path },
    ];
    return {
      head: {
        title: metaText(page, 'seoTitle') ?? page.title,
        description: metaText(page, 'seoDescription') ?? page.excerpt ?? undefined,
        canonicalPath: path,
        jsonLd: [breadcrumbJsonLd(ctx, trail)],
      },
      // Every product the grids name, shown or not: one published later shows up on the page; and
      // each flex schema a list shows (purged on its entries' events).
      tags: [`node:${page.id}`, ...ids.map((id) => `product:${id}`), ...schemas.map((s) => `flex:${s}`)],
      body: (
        <article aria-label={page.title}>
          {heroFirst ? null : <h1>{page.title}</h1>}
          {page.bodyHtml ? <div class="body" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} /> : null}
          <Blocks ctx={ctx} blocks={page.blocks} products={byId} flexLists={flexLists} />
        </article>
      ),
    };
  },
};
