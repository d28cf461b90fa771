import { usersWithPermission } from '@rustok/auth';
import { type EventEnvelope, type EventHandlerDeclaration, generateId, type HandlerContext } from '@rustok/kernel';
import { NOTIFICATIONS_EVENT, type NotificationCreatedPayload } from '../events.js';
import { insertNotices } from '../store/inbox.js';
import { choiceOf, loadKindChoices } from '../store/inbox-settings.js';
import { INBOX_KINDS } from './kinds.js';

/**
 * An event of a notice kind becomes a notice for every active user of the tenant who holds the
 * kind's permission (the tenant's choice, or the kind's default), unless the tenant turned the kind
 * off. Each notice written publishes `notifications.notification.created` in the same transaction.
 * A replayed event adds nothing: receipts, and one notice per (event, user).
 */
const noticesOf = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const kind = INBOX_KINDS.find((k) => k.eventType === event.type);
  if (!kind) return;
  const choice = choiceOf(await loadKindChoices(ctx.tx), kind);
  if (!choice.enabled) return;
  const users = await usersWithPermission(ctx.tx, choice.permission);
  const notice = kind.compose(event.payload);
  const written = await insertNotices(
    ctx.tx,
    users.map((userId) => ({ id: generateId(), userId, kind: kind.kind, ...notice, sourceEventId: event.id })),
  );
  for (const row of written) {
    const payload: NotificationCreatedPayload = { notificationId: row.id, userId: row.user_id, kind: kind.kind };
    if (ctx.publish) await ctx.publish(NOTIFICATIONS_EVENT.notificationCreated, payload);
    else ctx.logger.warn({ notificationId: row.id }, 'no publisher in the handler context: the notice is not announced');
  }
};

/** The in-app notices of the events INBOX_KINDS names. */
export const inboxNotices: EventHandlerDeclaration = {
  consumer: 'notifications.inbox',
  types: INBOX_KINDS.map((k) => k.eventType),
  handle: noticesOf,
};
