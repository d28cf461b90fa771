import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type NotificationsContext, requirePermission } from '../context.js';
import { PageQuery } from '../schemas.js';
import type { MailLog, MailLogItem } from '../schemas-mail.js';

type Row = {
  id: string;
  template: string;
  locale: string;
  recipient: string;
  status: MailLogItem['status'];
  attempts: number;
  subject: string | null;
  last_error: string | null;
  next_attempt_at: Date | string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
};

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

const toItem = (r: Row): MailLogItem => ({
  id: r.id,
  template: r.template,
  locale: r.locale,
  recipient: r.recipient,
  status: r.status,
  attempts: r.attempts,
  subject: r.subject,
  lastError: r.last_error,
  nextAttemptAt: iso(r.next_attempt_at),
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: iso(r.sent_at),
});

/** GET /notifications/mail/log: the tenant's mails, newest first: sent, pending (with the last error), failed and bounced. */
export const listMails = (ctx: NotificationsContext, raw: PageQuery): Promise<MailLog> => {
  requirePermission(ctx, 'notifications.mail.read');
  const query = parseInput(PageQuery, raw) as PageQuery;
  const limit = query.limit ?? 50;
  return inTenant(ctx, async (w) => {
    const where = query.cursor === undefined ? '' : 'WHERE id < $2';
    const params = query.cursor === undefined ? [limit + 1] : [limit + 1, query.cursor];
    const { rows } = await w.tx.query<Row>(
      `SELECT id, template, locale, recipient, status, attempts, subject, last_error, next_attempt_at, created_at, sent_at
         FROM notifications_mails ${where} ORDER BY id DESC LIMIT $1`,
      params,
    );
    const items = rows.slice(0, limit).map(toItem);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  });
};
