import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageRoute } from '../../page-types.js';
import { loadList } from './list-page.js';

/** `/blog`: published posts, newest first (`?cursor=` older pages, `?category=` / `?tag=` filters). */
export const blogIndexPage: PageRoute = {
  path: '/blog',
  shared: true,
  load: (ctx) => {
    const t = messagesFor(contentMessages, ctx.locale);
    return loadList(ctx, {
      kind: 'post',
      base: '/blog',
      title: t.blogTitle,
      description: t.blogDescription,
      empty: t.noPosts,
      older: t.olderPosts,
      replies: false,
    });
  },
};
