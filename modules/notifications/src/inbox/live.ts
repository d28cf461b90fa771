import type { Tx } from '@rustok/db';
import type { EventHandlerDeclaration, SqlRunner } from '@rustok/kernel';
import { NOTIFICATIONS_EVENT, type NotificationCreatedPayload } from '../events.js';

/** The database channel the deployment's processes hear their users' inboxes change on. */
export const INBOX_CHANNEL = 'rustok_inbox';

/** `<tenant> <user>` and, for a new notice, ` <notification>`: what a NOTIFY on the channel carries. */
export const inboxSignal = (tenantId: string, userId: string, notificationId?: string): string =>
  notificationId ? `${tenantId} ${userId} ${notificationId}` : `${tenantId} ${userId}`;

export const parseInboxSignal = (payload: string): { key: string; notificationId: string | undefined } | undefined => {
  const [tenantId, userId, notificationId] = payload.split(' ');
  return tenantId && userId ? { key: `${tenantId} ${userId}`, notificationId } : undefined;
};

/**
 * A notice once committed reaches every process of the deployment: this consumer of
 * `notifications.notification.created` sends a NOTIFY in its transaction, which PostgreSQL delivers
 * when it commits to each process listening (the live streams, inbox/hub.ts). Only this consumer's
 * transactions notify, never a writer's.
 */
export const inboxLive: EventHandlerDeclaration = {
  consumer: 'notifications.inbox-live',
  types: [NOTIFICATIONS_EVENT.notificationCreated],
  handle: async (event, ctx) => {
    const p = event.payload as NotificationCreatedPayload;
    await ctx.tx.query('SELECT pg_notify($1, $2)', [INBOX_CHANNEL, inboxSignal(ctx.tenantId, p.userId, p.notificationId)]);
  },
};

/**
 * After a transaction that changed what a user has read commits: one NOTIFY on the pool (never in
 * the writer's transaction), so the user's streams in every process send the new unread count.
 * Fire and forget: a lost one only leaves a count stale until the next change.
 */
export const signalAfterCommit = (tx: Tx, db: SqlRunner, tenantId: string, userId: string): void => {
  tx.afterCommit(() => {
    void db.query('SELECT pg_notify($1, $2)', [INBOX_CHANNEL, inboxSignal(tenantId, userId)]).catch(() => undefined);
  });
};
