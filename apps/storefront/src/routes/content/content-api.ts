import type { StoreContentItem, StoreContentPage } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';

export type ContentSummary = StoreContentPage['items'][number];
export type { StoreContentItem, StoreContentPage };

/** A content node as the modules' own routes answer it (comments, replies, pages): the fields the pages read. */
export interface ApiNode {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly locale: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly body?: string;
  readonly bodyHtml?: string;
  readonly authorId: string | null;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface ApiNodePage {
  readonly items: readonly ApiNode[];
  readonly nextCursor: string | null;
}

/** The content routes' page size. */
export const LIST_LIMIT = 20;

/** One page of published content of a kind in the page's locale, filtered by the request's `category` / `tag` / `cursor`. */
export const listOfKind = async (ctx: PageContext, kind: string): Promise<StoreContentPage | undefined> => {
  const query = {
    kind,
    locale: ctx.locale,
    limit: LIST_LIMIT,
    category: ctx.query.get('category') ?? undefined,
    tag: ctx.query.get('tag') ?? undefined,
    cursor: ctx.query.get('cursor') ?? undefined,
  };
  const result = await ctx.api.get<StoreContentPage>('/store/content', query);
  return result.ok ? result.value : undefined;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One published node of a kind by its slug in the page's locale (undefined: a 404). */
export const itemOf = async (ctx: PageContext, kind: string, slug: string): Promise<StoreContentItem | undefined> => {
  if (!SLUG.test(slug) || slug.length > 200) return undefined;
  const result = await ctx.api.get<StoreContentItem>(`/store/content/${kind}/${slug}`, { locale: ctx.locale });
  return result.ok ? result.value : undefined;
};

/** A slug of another of the tenant's locales (the language switch keeps the path): the node's id there. */
const idElsewhere = async (ctx: PageContext, kind: string, slug: string): Promise<string | undefined> => {
  for (const locale of ctx.site.supportedLocales.filter((l) => l !== ctx.locale)) {
    const result = await ctx.api.get<StoreContentItem>(`/store/content/${kind}/${slug}`, { locale });
    if (result.ok) return result.value.id;
  }
  return undefined;
};

/**
 * A published node of a kind by its slug in the page's locale; a slug of another locale (the language
 * switch keeps the path) is sent on to the node's slug in this one (301); undefined: a 404.
 */
export const findItem = async (
  ctx: PageContext,
  kind: string,
  slug: string,
  base: string,
): Promise<StoreContentItem | { readonly redirect: string; readonly status: 301 } | undefined> => {
  const item = await itemOf(ctx, kind, slug);
  if (item || !SLUG.test(slug)) return item;
  const id = await idElsewhere(ctx, kind, slug);
  if (!id) return undefined;
  const node = await ctx.api.get<ApiNode>(`/content/nodes/${id}`, { locale: ctx.locale });
  if (!node.ok || node.value.slug === slug) return undefined;
  return { redirect: ctx.href(`${base}/${node.value.slug}`), status: 301 };
};

/** The children a module lists under a node (comments of a post, replies of a topic), oldest first. */
export const childrenOf = async (ctx: PageContext, path: string): Promise<readonly ApiNode[]> => {
  const result = await ctx.api.get<ApiNodePage>(path, { limit: 100 });
  return result.ok ? [...result.value.items].reverse() : [];
};
