import { preparedSql } from '@rustok/db';
import { indexErrors } from '../errors.js';
import type { StoreContentItem, StoreContentPage, StoreContentQuery, StoreContentSummary } from '../schemas.js';
import { searchConfigOf } from '../text.js';
import type { StoreContext } from './context.js';
import { buildMatch, keysetCondition, type SortSpec } from './match.js';
import { type Cursor, createParams, decodeCursor, encodeCursor, hasTrigram, type MatchMode, readRows } from './sql.js';

const SUMMARY = `node_id AS id, kind, locale, text_locale, title, slug, excerpt, body_preview, author_name, category_name, category_slug,
  tags, parent_id, reply_count, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso`;

interface ContentRowOut {
  id: string;
  kind: string;
  locale: string;
  text_locale: string;
  title: string;
  slug: string;
  excerpt: string | null;
  body_preview: string;
  author_name: string | null;
  category_name: string | null;
  category_slug: string | null;
  tags: string[];
  parent_id: string | null;
  reply_count: number;
  published_iso: string | null;
  [key: string]: unknown;
}

const toSummary = (r: ContentRowOut): StoreContentSummary => ({
  id: r.id,
  kind: r.kind,
  locale: r.locale,
  textLocale: r.text_locale,
  title: r.title,
  slug: r.slug,
  excerpt: r.excerpt,
  bodyPreview: r.body_preview,
  authorName: r.author_name,
  category: r.category_name && r.category_slug ? { name: r.category_name, slug: r.category_slug } : null,
  tags: r.tags,
  parentId: r.parent_id,
  replyCount: r.reply_count,
  publishedAt: r.published_iso,
});

interface Input {
  readonly ctx: StoreContext;
  readonly query: StoreContentQuery;
  readonly locale: string;
  readonly trigram: boolean;
}

const runPage = async (input: Input, mode: MatchMode, cursor: Cursor | undefined) => {
  const { query } = input;
  const params = createParams();
  const p = (v: unknown) => params.p(v);
  const match = buildMatch(params, mode, {
    q: query.q,
    config: searchConfigOf(input.locale),
    trigram: input.trigram,
    table: 'content',
    locale: input.locale,
  });
  const sort: SortSpec = match.score
    ? { key: match.score, desc: true, cast: 'real' }
    : { key: 'published_at', desc: true, cast: 'timestamptz' };
  const where = [`tenant_id = ${p(input.ctx.tenantId)}::uuid`, `locale = ${p(input.locale)}`, "status = 'published'", match.where];
  if (query.kind) where.push(`kind = ${p(query.kind)}`);
  if (query.category) where.push(`category_slug = ${p(query.category)}`);
  if (query.tag) where.push(`tags @> ARRAY[${p(query.tag)}]::text[]`);
  if (cursor) where.push(keysetCondition(params, sort, 'node_id', cursor));
  const sql = `SELECT ${SUMMARY}, (${sort.key})::text AS sort_key FROM index_content WHERE ${where.join(' AND ')}
    ORDER BY ${sort.key} DESC, node_id DESC LIMIT ${p(query.limit + 1)}::int`;
  return readRows<ContentRowOut & { sort_key: string | null }>(input.ctx.db, input.ctx.tenantId, sql, params, match.threshold);
};

const sortName = (query: StoreContentQuery) => (query.q?.trim() ? 'relevance' : 'newest');

/** GET /store/content: published nodes of the tenant in a locale, newest first or by relevance to `q`. */
export const listContent = async (ctx: StoreContext, query: StoreContentQuery): Promise<StoreContentPage> => {
  const cursor = decodeCursor(query.cursor, sortName(query));
  const input: Input = { ctx, query, locale: query.locale ?? ctx.defaultLocale, trigram: await hasTrigram(ctx.db) };
  let mode: MatchMode = cursor?.mode ?? (query.q?.trim() ? 'fulltext' : 'all');
  let rows = await runPage(input, mode, cursor);
  if (rows.length === 0 && !cursor && mode === 'fulltext' && ctx.search.trigram_fallback) {
    mode = 'fuzzy';
    rows = await runPage(input, mode, undefined);
  }
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ mode, sort: sortName(query), key: last.sort_key, id: last.id }) : null;
  return { items: items.map(toSummary), nextCursor, match: mode };
};

interface ContentDetailRow extends ContentRowOut {
  body_html: string;
  tag_names: string[];
  seo_title: string | null;
  seo_description: string | null;
}

const BY_SLUG_SQL = preparedSql('index_content_by_slug', 'SELECT index_content_by_slug($1, $2, $3, $4) AS r');

/** GET /store/content/{kind}/{slug}: one published node by its slug in the locale (index_content_by_slug). */
export const getContent = async (ctx: StoreContext, kind: string, slug: string, locale: string | undefined): Promise<StoreContentItem> => {
  const { rows } = await ctx.db.query<{ r: ContentDetailRow | null }>(BY_SLUG_SQL, [ctx.tenantId, kind, locale ?? ctx.defaultLocale, slug]);
  const r = rows[0]?.r;
  if (!r) throw indexErrors.INDEX_CONTENT_NOT_FOUND(`No published ${kind} "${slug.slice(0, 200)}"`);
  return { ...toSummary(r), bodyHtml: r.body_html, tagNames: r.tag_names, seoTitle: r.seo_title, seoDescription: r.seo_description };
};
