import { common } from '../../i18n/common.js';
import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageRoute } from '../../page-types.js';
import { articleJsonLd, ContentArticle } from '../../views/content/article.js';
import { Breadcrumbs, breadcrumbJsonLd, type Crumb } from '../../views/content/breadcrumbs.js';
import { NodeThread } from '../../views/content/comments.js';
import { repliesLabel } from '../../views/content/content-list.js';
import { childrenOf, findItem } from './content-api.js';

/** `/forum/:slug`: a topic and its replies, oldest first (read only: the forum's public replies list). */
export const forumTopicPage: PageRoute = {
  path: '/forum/:slug',
  shared: true,
  load: async (ctx, params) => {
    const item = await findItem(ctx, 'topic', params.slug ?? '', '/forum');
    if (!item) return { notFound: true };
    if ('redirect' in item) return item;
    const replies = await childrenOf(ctx, `/forum/topics/${item.id}/replies`);
    const t = messagesFor(contentMessages, ctx.locale);
    const path = `/forum/${item.slug}`;
    const trail: Crumb[] = [
      { name: messagesFor(common, ctx.locale).home, path: '/' },
      { name: t.forumTitle, path: '/forum' },
      { name: item.title, path },
    ];
    return {
      head: {
        title: item.seoTitle ?? item.title,
        description: item.seoDescription ?? item.excerpt ?? item.bodyPreview,
        canonicalPath: path,
        ogType: 'article',
        jsonLd: [articleJsonLd(ctx, item, path, 'DiscussionForumPosting'), breadcrumbJsonLd(ctx, trail)],
      },
      tags: [`node:${item.id}`],
      body: (
        <>
          <Breadcrumbs ctx={ctx} trail={trail} label={t.breadcrumbs} />
          <ContentArticle ctx={ctx} item={item} base="/forum">
            <section aria-labelledby="replies-title">
              <h2 id="replies-title">{t.repliesTitle}</h2>
              <p class="muted">{repliesLabel(ctx, Math.max(item.replyCount, replies.length))}</p>
              <NodeThread ctx={ctx} nodes={replies} empty={t.noReplies} />
            </section>
          </ContentArticle>
        </>
      ),
    };
  },
};
