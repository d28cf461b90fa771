import { inTenant } from '@rustok/api';
import type { NotificationsContext } from '../context.js';
import { inboxOwnerOf } from '../inbox/owner.js';
import type { UnreadCount } from '../schemas-inbox.js';
import { countUnread } from '../store/inbox.js';

/** GET /notifications/inbox/unread-count: how many of the caller's notices are unread. */
export const unreadCount = (ctx: NotificationsContext): Promise<UnreadCount> => {
  const userId = inboxOwnerOf(ctx);
  return inTenant(ctx, async (w) => ({ count: await countUnread(w.tx, userId) }));
};
