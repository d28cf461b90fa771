import type { PageContext } from '../../context.js';
import { common } from '../../i18n/common.js';
import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageOutcome, PageRoute } from '../../page-types.js';
import { articleJsonLd, ContentArticle } from '../../views/content/article.js';
import { Breadcrumbs, breadcrumbJsonLd, type Crumb } from '../../views/content/breadcrumbs.js';
import { type CommentState, CommentsSection } from '../../views/content/comments.js';
import { childrenOf, findItem } from './content-api.js';

/** A post with its approved comments and the comment form (or, for a guest, the link to sign in). */
export const loadPost = async (ctx: PageContext, slug: string, state: CommentState = {}): Promise<PageOutcome> => {
  const item = await findItem(ctx, 'post', slug, '/blog');
  if (!item) return { notFound: true };
  if ('redirect' in item) return item;
  const comments = await childrenOf(ctx, `/blog/posts/${item.id}/comments`);
  const t = messagesFor(contentMessages, ctx.locale);
  const path = `/blog/${item.slug}`;
  const trail: Crumb[] = [
    { name: messagesFor(common, ctx.locale).home, path: '/' },
    { name: t.blogTitle, path: '/blog' },
    { name: item.title, path },
  ];
  return {
    ...(state.error ? { status: 422 } : {}),
    head: {
      title: item.seoTitle ?? item.title,
      description: item.seoDescription ?? item.excerpt ?? item.bodyPreview,
      canonicalPath: path,
      ogType: 'article',
      jsonLd: [articleJsonLd(ctx, item, path, 'Article'), breadcrumbJsonLd(ctx, trail)],
    },
    tags: [`node:${item.id}`],
    body: (
      <>
        <Breadcrumbs ctx={ctx} trail={trail} label={t.breadcrumbs} />
        <ContentArticle ctx={ctx} item={item} base="/blog">
          <CommentsSection ctx={ctx} comments={comments} action={ctx.href(`${path}/comments`)} state={state} />
        </ContentArticle>
      </>
    ),
  };
};

/**
 * `/blog/:slug`. The page differs only in the comments form: a guest's page (the link to sign in) is
 * the same for every guest and is cached; a signed-in customer's page holds their form, so it is
 * rendered for them and never cached (`shared` is decided per request, before the cache is read).
 */
export const blogPostPage: PageRoute = {
  path: '/blog/:slug',
  shared: (ctx) => !ctx.signedIn,
  load: (ctx, params) => loadPost(ctx, params.slug ?? ''),
};
