import type { Database } from '@rustok/db';
import { generateId, type SqlRunner } from '@rustok/kernel';

/** A mail to send: which template, in which locale, to whom, with which variables. */
export interface MailRequest {
  readonly template: string;
  readonly locale: string;
  readonly to: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Queues mails in the caller's tenant transaction: they exist iff the transaction commits. */
export const enqueueMails = async (tx: SqlRunner, tenantId: string, mails: readonly MailRequest[]): Promise<string[]> => {
  if (mails.length === 0) return [];
  const ids = mails.map(() => generateId());
  await tx.query(
    `INSERT INTO notifications_mails (id, template, locale, recipient, variables, next_attempt_at)
     SELECT id, template, locale, recipient, variables, now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS m(id, template, locale, recipient, variables)`,
    [ids, mails.map((m) => m.template), mails.map((m) => m.locale), mails.map((m) => m.to), mails.map((m) => JSON.stringify(m.variables))],
  );
  await tx.query(`INSERT INTO notifications_mail_queue (mail_id, tenant_id, due_at) SELECT id, $2, now() FROM unnest($1::uuid[]) AS id`, [
    ids,
    tenantId,
  ]);
  return ids;
};

/** Claims up to `limit` due mails across tenants for `leaseMs` (oldest first; ones another run holds are skipped). */
export const claimDueMails = async (db: Database, limit: number, leaseMs: number): Promise<{ mailId: string; tenantId: string }[]> => {
  const { rows } = await db.query<{ mail_id: string; tenant_id: string }>(
    `UPDATE notifications_mail_queue q SET claimed_until = now() + $2 * interval '1 millisecond'
       FROM (SELECT mail_id FROM notifications_mail_queue
              WHERE due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
              ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
      WHERE q.mail_id = due.mail_id
      RETURNING q.mail_id, q.tenant_id`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({ mailId: r.mail_id, tenantId: r.tenant_id }));
};
