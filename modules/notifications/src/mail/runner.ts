import type { Database } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import type { Mailer, Renderer } from '@rustok/mail';
import { nextAttemptAt } from '@rustok/outbound';
import type { Logger } from 'pino';
import type { MailOptions } from '../options.js';
import { byTenant, claimDue } from '../queue.js';
import { composeMail } from './compose.js';
import { loadMailSettings, senderOf, withShop } from './settings.js';

export interface MailRunOptions {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  readonly options: MailOptions;
  readonly logger: Logger;
  readonly budgetMs?: number;
}

type MailRow = { id: string; template: string; locale: string; recipient: string; variables: Record<string, unknown>; attempts: number };

/** What became of one attempt: sent, to be tried again at a time, or given up (bounced: the server refused it for good). */
type Outcome =
  | { readonly status: 'sent'; readonly subject: string; readonly messageId: string }
  | { readonly status: 'pending'; readonly error: string; readonly next: Date; readonly subject: string | null }
  | { readonly status: 'failed' | 'bounced'; readonly error: string; readonly subject: string | null };

const BATCH = 50;

/** Renders and sends one mail in its tenant's transaction (the row is locked; the SMTP exchange is short and pooled). */
const sendOne = async (run: MailRunOptions, tx: SqlRunner, tenantId: string, mail: MailRow): Promise<Outcome> => {
  const { from, shop } = senderOf(await loadMailSettings(tx, tenantId), run.options);
  const rendered = await composeMail(tx, run.renderer, { ...mail, variables: withShop(mail.variables, shop) });
  if (!rendered.ok) return { status: 'failed', error: `template ${rendered.code}: ${rendered.message}`, subject: null };
  const sent = await run.mailer.send({
    from,
    to: mail.recipient,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  });
  if (sent.ok) return { status: 'sent', subject: rendered.subject, messageId: sent.messageId };
  const error = `${sent.code}${sent.responseCode ? ` ${sent.responseCode}` : ''}: ${sent.message}`.slice(0, 1_000);
  if (sent.kind === 'permanent') return { status: 'bounced', error, subject: rendered.subject };
  const next = nextAttemptAt(mail.attempts + 1, new Date(), run.options.retry_delays_ms);
  return next ? { status: 'pending', error, next, subject: rendered.subject } : { status: 'failed', error, subject: rendered.subject };
};

/** The mail's row and queue entry after an attempt; variables (one-time links) are dropped once it is final. */
const settle = async (tx: SqlRunner, id: string, o: Outcome): Promise<void> => {
  const final = o.status !== 'pending';
  await tx.query(
    `UPDATE notifications_mails SET status = $2, attempts = attempts + 1, subject = coalesce($3, subject), message_id = $4,
       last_error = $5, next_attempt_at = $6, sent_at = CASE WHEN $2 = 'sent' THEN now() END,
       variables = CASE WHEN $7 THEN NULL ELSE variables END
     WHERE id = $1`,
    [
      id,
      o.status,
      o.subject,
      o.status === 'sent' ? o.messageId : null,
      o.status === 'sent' ? null : o.error,
      o.status === 'pending' ? o.next.toISOString() : null,
      final,
    ],
  );
  if (final) await tx.query('DELETE FROM notifications_mail_queue WHERE mail_id = $1', [id]);
  else
    await tx.query('UPDATE notifications_mail_queue SET due_at = $2, claimed_until = NULL WHERE mail_id = $1', [id, o.next.toISOString()]);
};

const deliverForTenant = async (run: MailRunOptions, tenantId: string, ids: readonly string[]): Promise<number> =>
  run.db.transaction(
    async (tx) => {
      const { rows } = await tx.query<MailRow>(
        `SELECT id, template, locale, recipient, variables, attempts FROM notifications_mails
          WHERE id = ANY($1::uuid[]) AND status = 'pending' FOR UPDATE SKIP LOCKED`,
        [ids],
      );
      const found = new Set(rows.map((r) => r.id));
      const stale = ids.filter((id) => !found.has(id));
      if (stale.length > 0) await tx.query('DELETE FROM notifications_mail_queue WHERE mail_id = ANY($1::uuid[])', [stale]);
      for (const mail of rows) await settle(tx, mail.id, await sendOne(run, tx, tenantId, mail));
      return rows.length;
    },
    { tenantId },
  );

/** One mail run: claims due mails, renders and sends each, records the result, until none is due or the budget is spent. */
export const deliverDueMails = async (run: MailRunOptions): Promise<{ sent: number }> => {
  const started = Date.now();
  let sent = 0;
  for (;;) {
    const claimed = await claimDue(run.db, 'mail', BATCH, 120_000);
    for (const [tenantId, ids] of byTenant(claimed)) {
      sent += await deliverForTenant(run, tenantId, ids).catch((error: unknown) => {
        run.logger.warn({ err: error, tenantId }, 'mails not sent; their claims expire and they are tried again');
        return 0;
      });
    }
    if (claimed.length < BATCH || Date.now() - started > (run.budgetMs ?? Number.POSITIVE_INFINITY)) return { sent };
  }
};
