import type { NodeIndexSource } from '@rustok/content/contracts';
import { htmlToText, preview, searchConfigOf } from '../text.js';
import { pickText, rowLocales, type TenantLocales } from './common.js';

/** One row of index_content as the write model says it should be. */
export interface ContentRow {
  readonly nodeId: string;
  readonly locale: string;
  readonly textLocale: string;
  readonly kind: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly bodyPreview: string;
  readonly bodyHtml: string;
  readonly authorId: string | null;
  readonly authorName: string | null;
  readonly categoryId: string | null;
  readonly categoryName: string | null;
  readonly categorySlug: string | null;
  readonly tags: readonly string[];
  readonly tagNames: readonly string[];
  readonly parentId: string | null;
  readonly replyCount: number;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly publishedAt: string | null;
  readonly sourceVersion: number;
  readonly searchConfig: string;
  readonly searchB: string;
  readonly searchC: string;
  readonly searchD: string;
}

const BODY_PREVIEW_CHARS = 300;

/** What every locale row of a node shares. */
const baseOf = (source: NodeIndexSource) => ({
  nodeId: source.id,
  kind: source.kind,
  authorId: source.authorId,
  authorName: source.authorName,
  categoryId: source.category?.id ?? null,
  categoryName: source.category?.name ?? null,
  categorySlug: source.category?.slug ?? null,
  tags: source.tags.map((t) => t.slug),
  tagNames: source.tags.map((t) => t.name),
  parentId: source.parentId,
  replyCount: source.replyCount,
  seoTitle: source.seoTitle,
  seoDescription: source.seoDescription,
  publishedAt: source.publishedAt ?? source.updatedAt,
  sourceVersion: source.revision,
});

/** The rows of a published node, one per locale the tenant shows (texts fall back to the default locale). */
export const projectNode = (source: NodeIndexSource, locales: TenantLocales): ContentRow[] => {
  const base = baseOf(source);
  const out: ContentRow[] = [];
  for (const locale of rowLocales(
    locales.supportedLocales,
    source.texts.map((t) => t.locale),
  )) {
    const text = pickText(source.texts, locale, locales.defaultLocale);
    if (!text) continue;
    const body = htmlToText(text.bodyHtml);
    out.push({
      ...base,
      locale,
      textLocale: text.locale,
      title: text.title,
      slug: text.slug,
      excerpt: text.excerpt,
      bodyPreview: preview(body, BODY_PREVIEW_CHARS),
      bodyHtml: text.bodyHtml,
      searchConfig: searchConfigOf(locale),
      searchB: [...source.tags.map((t) => t.name), source.category?.name ?? ''].join(' '),
      searchC: [text.excerpt ?? '', source.seoTitle ?? '', source.seoDescription ?? ''].join(' '),
      searchD: body,
    });
  }
  return out;
};
