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
