import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { formatDate } from '../../i18n/format.js';
import { fill, messagesFor, plural } from '../../i18n/messages.js';
import type { ContentSummary } from '../../routes/content/content-api.js';

/** "3 replies" in the page's language. */
export const repliesLabel = (ctx: PageContext, n: number): string => {
  const t = messagesFor(contentMessages, ctx.locale);
  return plural(ctx.locale, n, { one: t.repliesOne, few: t.repliesFew, many: t.repliesMany });
};

/** Date and author of a node, as a list item's or article's byline. */
export const Byline = ({ ctx, publishedAt, author }: { ctx: PageContext; publishedAt: string | null; author: string | null }) => {
  const t = messagesFor(contentMessages, ctx.locale);
  if (!publishedAt && !author) return null;
  return (
    <p class="muted">
      {publishedAt ? <time datetime={publishedAt}>{formatDate(ctx.locale, publishedAt)}</time> : null}
      {publishedAt && author ? ' · ' : null}
      {author ? fill(t.byAuthor, { name: author }) : null}
    </p>
  );
};

/** A list filtered by the request's category or tag links them, keeping the list's path. */
const TagLinks = ({ ctx, base, item }: { ctx: PageContext; base: string; item: ContentSummary }) => {
  if (item.tags.length === 0) return null;
  const t = messagesFor(contentMessages, ctx.locale);
  return (
    <p class="muted">
      {t.tags}:{' '}
      {item.tags.map((tag, i) => (
        <>
          {i > 0 ? ', ' : null}
          <a href={`${ctx.href(base)}?tag=${encodeURIComponent(tag)}`}>{tag}</a>
        </>
      ))}
    </p>
  );
};

export interface ContentListProps {
  readonly ctx: PageContext;
  /** `/blog` or `/forum`: items link to `<base>/<slug>`. */
  readonly base: string;
  readonly items: readonly ContentSummary[];
  /** Show reply counts (forum topics). */
  readonly replies?: boolean;
}

/** Posts or topics as a list: title link, byline, excerpt, category and tags. */
export const ContentList = ({ ctx, base, items, replies }: ContentListProps) => (
  <ul class="content-list">
    {items.map((item) => (
      <li class="card" data-slug={item.slug}>
        <h2>
          <a href={ctx.href(`${base}/${item.slug}`)}>{item.title}</a>
        </h2>
        <Byline ctx={ctx} publishedAt={item.publishedAt} author={item.authorName} />
        {replies ? <p class="muted">{repliesLabel(ctx, item.replyCount)}</p> : null}
        {item.excerpt || item.bodyPreview ? <p>{item.excerpt ?? item.bodyPreview}</p> : null}
        {item.category ? (
          <p class="muted">
            <a href={`${ctx.href(base)}?category=${encodeURIComponent(item.category.slug)}`}>{item.category.name}</a>
          </p>
        ) : null}
        <TagLinks ctx={ctx} base={base} item={item} />
      </li>
    ))}
  </ul>
);

/** The keyset pager: "older" (the next cursor, filters kept) and "back to the newest" on later pages. */
export const Pager = ({ ctx, base, next, older }: { ctx: PageContext; base: string; next: string | null; older: string }) => {
  const t = messagesFor(contentMessages, ctx.locale);
  const kept = new URLSearchParams();
  for (const name of ['category', 'tag']) {
    const value = ctx.query.get(name);
    if (value) kept.set(name, value);
  }
  const first = kept.toString();
  const nextQuery = new URLSearchParams(kept);
  if (next) nextQuery.set('cursor', next);
  if (!next && !ctx.query.get('cursor')) return null;
  return (
    <nav class="pager" aria-label={older}>
      {ctx.query.get('cursor') ? <a href={`${ctx.href(base)}${first ? `?${first}` : ''}`}>{t.newest}</a> : null}
      {next ? (
        <a rel="next" href={`${ctx.href(base)}?${nextQuery.toString()}`}>
          {older}
        </a>
      ) : null}
    </nav>
  );
};
