import { generateId, type SqlRunner } from '@rustok/kernel';
import type { MailTemplate } from '@rustok/mail';

/** A tenant's own version of a mail in one locale. */
export interface TemplateOverride extends MailTemplate {
  readonly key: string;
  readonly locale: string;
  readonly updatedAt: string;
}

type Row = { key: string; locale: string; subject: string; mjml: string; text_body: string | null; updated_at: Date | string };

const toOverride = (r: Row): TemplateOverride => ({
  key: r.key,
  locale: r.locale,
  subject: r.subject,
  mjml: r.mjml,
  ...(r.text_body === null ? {} : { text: r.text_body }),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const COLUMNS = 'key, locale, subject, mjml, text_body, updated_at';

/** The tenant's overrides of one key (every locale), or of every key. */
export const loadOverrides = async (tx: SqlRunner, key?: string): Promise<TemplateOverride[]> => {
  const where = key === undefined ? '' : ' WHERE key = $1';
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM notifications_mail_templates${where} ORDER BY key, locale`,
    key === undefined ? [] : [key],
  );
  return rows.map(toOverride);
};

export const saveOverride = async (tx: SqlRunner, key: string, locale: string, t: MailTemplate): Promise<TemplateOverride> => {
  const { rows } = await tx.query<Row>(
    `INSERT INTO notifications_mail_templates (id, key, locale, subject, mjml, text_body) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, key, locale) DO UPDATE SET subject = $4, mjml = $5, text_body = $6, updated_at = now()
     RETURNING ${COLUMNS}`,
    [generateId(), key, locale, t.subject, t.mjml, t.text ?? null],
  );
  return toOverride(rows[0] as Row);
};

export const deleteOverride = async (tx: SqlRunner, key: string, locale: string): Promise<boolean> =>
  (await tx.query('DELETE FROM notifications_mail_templates WHERE key = $1 AND locale = $2 RETURNING key', [key, locale])).rows.length > 0;
