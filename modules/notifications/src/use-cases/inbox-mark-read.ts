import { inTenant } from '@rustok/api';
import { isId } from '@rustok/kernel';
import type { NotificationsContext } from '../context.js';
import { notificationsErrors } from '../errors.js';
import { signalAfterCommit } from '../inbox/live.js';
import { inboxOwnerOf } from '../inbox/owner.js';
import type { Notification } from '../schemas-inbox.js';
import { markNoticeRead } from '../store/inbox.js';

/** POST /notifications/inbox/{id}/read: one of the caller's notices read; another user's is not found, as another tenant's. */
export const markNotificationRead = (ctx: NotificationsContext, id: string): Promise<Notification> => {
  const userId = inboxOwnerOf(ctx);
  const missing = () => notificationsErrors.NOTIFICATIONS_NOTIFICATION_NOT_FOUND(`No notification ${id}`);
  if (!isId(id)) throw missing();
  return inTenant(ctx, async (w) => {
    const notice = await markNoticeRead(w.tx, userId, id);
    if (!notice) throw missing();
    signalAfterCommit(w.tx, ctx.db, ctx.tenantId, userId);
    return notice;
  });
};
