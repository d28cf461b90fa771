import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageRoute } from '../../page-types.js';
import { loadList } from './list-page.js';

/** `/forum`: published topics, newest first, with their reply counts (`?cursor=` older pages). */
export const forumIndexPage: PageRoute = {
  path: '/forum',
  shared: true,
  load: (ctx) => {
    const t = messagesFor(contentMessages, ctx.locale);
    return loadList(ctx, {
      kind: 'topic',
      base: '/forum',
      title: t.forumTitle,
      description: t.forumDescription,
      empty: t.noTopics,
      older: t.olderTopics,
      replies: true,
    });
  },
};
