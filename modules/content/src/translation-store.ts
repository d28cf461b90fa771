import { type AppError, kernelErrors, type SqlRunner } from '@rustok/kernel';
import type { ContentTx } from './context.js';
import type { NodeRow, TranslationRow } from './node-store.js';
import { type BodyFormat, renderBody } from './render.js';
import { assertLocale, type ContentSettings } from './settings.js';
import { isValidSlug, slugFromTitle, uniqueSlug } from './slug.js';

/** Translation fields as a write gives them; absent ones keep their stored value. */
export interface TranslationFields {
  readonly title?: string;
  readonly slug?: string;
  readonly excerpt?: string | null;
  readonly body?: string;
  readonly bodyFormat?: BodyFormat;
}

const existingTranslation = async (tx: SqlRunner, nodeId: string, locale: string): Promise<TranslationRow | undefined> => {
  const { rows } = await tx.query<TranslationRow>(
    'SELECT locale, title, slug, excerpt, body, body_format, body_html FROM content_translations WHERE node_id = $1 AND locale = $2',
    [nodeId, locale],
  );
  return rows[0];
};

const titleRequired = (): AppError =>
  kernelErrors.VALIDATION_FAILED('A new translation needs a title', { errors: [{ path: 'title', message: 'is required' }] });

const chooseSlug = async (w: ContentTx, node: NodeRow, locale: string, fields: TranslationFields, before?: TranslationRow) => {
  const scope = { kind: node.kind, locale, nodeId: node.id };
  if (fields.slug !== undefined) {
    if (!isValidSlug(fields.slug)) {
      throw kernelErrors.VALIDATION_FAILED('The slug is invalid', {
        errors: [{ path: 'slug', message: 'must be lower-case letters, digits and single hyphens' }],
      });
    }
    return uniqueSlug(w.tx, scope, fields.slug, true);
  }
  if (before) return before.slug;
  return uniqueSlug(w.tx, scope, slugFromTitle(fields.title ?? '', node.kind), false);
};

/**
 * Creates or changes one locale's translation: validates the locale against the tenant's, makes the
 * slug unique, keeps the raw body and stores its sanitized HTML beside it.
 */
export const writeTranslation = async (
  w: ContentTx,
  node: NodeRow,
  settings: ContentSettings,
  locale: string,
  fields: TranslationFields,
): Promise<TranslationRow> => {
  assertLocale(settings, locale);
  const before = await existingTranslation(w.tx, node.id, locale);
  const title = (fields.title ?? before?.title)?.trim();
  if (!title) throw titleRequired();
  const slug = await chooseSlug(w, node, locale, { ...fields, title }, before);
  const body = fields.body ?? before?.body ?? '';
  const format = fields.bodyFormat ?? before?.body_format ?? 'markdown';
  const excerpt = fields.excerpt === undefined ? (before?.excerpt ?? null) : fields.excerpt;
  const { rows } = await w.tx.query<TranslationRow>(
    `INSERT INTO content_translations (node_id, locale, kind, title, slug, excerpt, body, body_format, body_html)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, node_id, locale) DO UPDATE SET title = EXCLUDED.title, slug = EXCLUDED.slug,
       excerpt = EXCLUDED.excerpt, body = EXCLUDED.body, body_format = EXCLUDED.body_format,
       body_html = EXCLUDED.body_html, updated_at = now()
     RETURNING locale, title, slug, excerpt, body, body_format, body_html`,
    [node.id, locale, node.kind, title, slug, excerpt, body, format, renderBody(body, format)],
  );
  return rows[0] as TranslationRow;
};

/** Whether a translation field is present in a partial input. */
export const hasTranslationFields = (fields: TranslationFields): boolean =>
  fields.title !== undefined ||
  fields.slug !== undefined ||
  fields.excerpt !== undefined ||
  fields.body !== undefined ||
  fields.bodyFormat !== undefined;
