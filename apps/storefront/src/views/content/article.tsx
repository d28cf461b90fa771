import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../context.js';
import type { StoreContentItem } from '../../routes/content/content-api.js';
import { absoluteUrl } from './breadcrumbs.js';
import { Byline } from './content-list.js';

/** A post or topic: title, byline, the platform's sanitised body, then what follows (comments, replies). */
export const ContentArticle = ({ ctx, item, children }: { ctx: PageContext; item: StoreContentItem; children?: ComponentChildren }) => (
  <article class="content-article" aria-labelledby="article-title">
    <header>
      <h1 id="article-title">{item.title}</h1>
      <Byline ctx={ctx} publishedAt={item.publishedAt} author={item.authorName} />
    </header>
    <div class="body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
    {item.tagNames.length > 0 ? <p class="muted">{item.tagNames.join(', ')}</p> : null}
    {children}
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
