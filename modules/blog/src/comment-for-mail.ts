import { loadContentLocales, loadNodeIndexSource, type NodeIndexText } from '@rustok/content/contracts';
import type { SqlRunner } from '@rustok/kernel';

/** A comment as a mail to its author shows it: who wrote it, its first words, and the post it is on. */
export interface CommentForMail {
  readonly id: string;
  /** The registered user who wrote it; null for a comment without an account. */
  readonly authorId: string | null;
  readonly authorName: string | null;
  /** The comment's language (the tenant's default when it gave none). */
  readonly locale: string;
  /** The comment's first words as plain text. */
  readonly excerpt: string;
  readonly post: {
    readonly title: string;
    /** The post's storefront path at the comment (`/blog/<slug>#c-<id>`, under `/<locale>` for another language). */
    readonly path: string;
  };
}

const EXCERPT_CHARS = 200;

/** Plain text of sanitized HTML, cut at a word near `max` characters. */
const excerptOf = (html: string, max = EXCERPT_CHARS): string => {
  const plain = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
};

/** The translation in `locale`, else the default locale's, else the first. */
const textIn = (texts: readonly NodeIndexText[], locale: string, fallback: string): NodeIndexText | undefined =>
  texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === fallback) ?? texts[0];

/**
 * One comment of the tenant (the caller's tenant transaction) with its post, for the mail to its
 * author; undefined when it is not a comment on a post. Read-only, through content's contract.
 */
export const loadCommentForMail = async (tx: SqlRunner, commentId: string): Promise<CommentForMail | undefined> => {
  const comment = await loadNodeIndexSource(tx, commentId);
  if (comment?.kind !== 'comment' || !comment.parentId) return undefined;
  const post = await loadNodeIndexSource(tx, comment.parentId);
  if (post?.kind !== 'post') return undefined;
  const { defaultLocale } = await loadContentLocales(tx);
  const said = comment.texts[0];
  const locale = said?.locale ?? defaultLocale;
  const shown = textIn(post.texts, locale, defaultLocale);
  if (!shown) return undefined;
  const prefix = shown.locale === defaultLocale ? '' : `/${shown.locale}`;
  return {
    id: comment.id,
    authorId: comment.authorId,
    authorName: comment.authorName,
    locale,
    excerpt: excerptOf(said?.bodyHtml ?? ''),
    post: { title: shown.title, path: `${prefix}/blog/${shown.slug}#c-${comment.id}` },
  };
};
