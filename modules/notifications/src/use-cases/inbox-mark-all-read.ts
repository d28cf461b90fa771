import { inTenant } from '@rustok/api';
import type { NotificationsContext } from '../context.js';
import { signalAfterCommit } from '../inbox/live.js';
import { inboxOwnerOf } from '../inbox/owner.js';
import { countUnread, markAllNoticesRead } from '../store/inbox.js';

/** POST /notifications/inbox/read-all: every unread notice of the caller read; how many were, and the count left (0). */
export const markAllNotificationsRead = (ctx: NotificationsContext): Promise<{ marked: number; count: number }> => {
  const userId = inboxOwnerOf(ctx);
  return inTenant(ctx, async (w) => {
    const marked = await markAllNoticesRead(w.tx, userId);
    if (marked > 0) signalAfterCommit(w.tx, ctx.db, ctx.tenantId, userId);
    return { marked, count: await countUnread(w.tx, userId) };
  });
};
