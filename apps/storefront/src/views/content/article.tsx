import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { StoreContentItem } from '../../routes/content/content-api.js';
import { absoluteUrl } from './breadcrumbs.js';
import { Byline } from './content-list.js';

interface ArticleProps {
  readonly ctx: PageContext;
  readonly item: StoreContentItem;
  /** The list the category and tag links filter: `/blog` or `/forum`. */
  readonly base: string;
  readonly children?: ComponentChildren;
}

/** The category and tags of a node, each a link to its list filtered by it (tag names by their slugs, in order). */
const Filed = ({ ctx, item, base }: ArticleProps) => {
  if (!item.category && item.tags.length === 0) return null;
  const t = messagesFor(contentMessages, ctx.locale);
  const list = ctx.href(base);
  return (
    <p class="muted">
      {item.category ? <a href={`${list}?category=${encodeURIComponent(item.category.slug)}`}>{item.category.name}</a> : null}
      {item.category && item.tags.length > 0 ? ' · ' : null}
      {item.tags.length > 0 ? `${t.tags}: ` : null}
      {item.tags.map((slug, i) => (
        <>
          {i > 0 ? ', ' : null}
          <a href={`${list}?tag=${encodeURIComponent(slug)}`}>{item.tagNames[i] ?? slug}</a>
        </>
      ))}
    </p>
  );
};

/** A post or topic: title, byline, the platform's sanitised body, its category and tags, then what follows (comments, replies). */
export const ContentArticle = (props: ArticleProps) => (
  <article class="content-article" aria-labelledby="article-title">
    <header>
      <h1 id="article-title">{props.item.title}</h1>
      <Byline ctx={props.ctx} publishedAt={props.item.publishedAt} author={props.item.authorName} />
    </header>
    <div class="body" dangerouslySetInnerHTML={{ __html: props.item.bodyHtml }} />
    <Filed {...props} />
    {props.children}
  </article>
);

/** schema.org data of a post (`Article`) or topic (`DiscussionForumPosting`). */
export const articleJsonLd = (
  ctx: PageContext,
  item: StoreContentItem,
  path: string,
  type: 'Article' | 'DiscussionForumPosting',
): object => ({
  '@context': 'https://schema.org',
  '@type': type,
  headline: item.title,
  ...(item.publishedAt ? { datePublished: item.publishedAt } : {}),
  ...(item.authorName ? { author: { '@type': 'Person', name: item.authorName } } : {}),
  inLanguage: item.textLocale,
  mainEntityOfPage: absoluteUrl(ctx, path),
  ...(item.excerpt ? { description: item.excerpt } : {}),
});
