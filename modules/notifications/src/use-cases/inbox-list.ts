import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import type { NotificationsContext } from '../context.js';
import { inboxOwnerOf } from '../inbox/owner.js';
import { InboxQuery, type NotificationList } from '../schemas-inbox.js';
import { selectNotices } from '../store/inbox.js';

/** GET /notifications/inbox: the caller's own notices, newest first (only the unread ones with `unread`). */
export const listNotifications = (ctx: NotificationsContext, raw: InboxQuery): Promise<NotificationList> => {
  const userId = inboxOwnerOf(ctx);
  const query = parseInput(InboxQuery, raw) as InboxQuery;
  return inTenant(ctx, (w) =>
    selectNotices(w.tx, userId, {
      limit: query.limit ?? 20,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      unread: query.unread ?? false,
    }),
  );
};
