import type { Database } from '@rustok/db';
import { tenancyErrors } from '@rustok/tenancy';
import { indexErrors } from '../errors.js';
import { INDEX_KINDS, type IndexKind } from '../events.js';

/** What `rustok index rebuild|verify` accept (camel-cased by the CLI parser). */
export interface IndexCommandOptions {
  readonly tenant?: string;
  readonly locale?: string;
  readonly kind?: string;
  readonly batchSize?: string;
  readonly restart?: boolean;
}

/** The options as a command receives them, typed (the parser gives strings and booleans). */
export const indexOptionsOf = (raw: Readonly<Record<string, string | boolean | undefined>>): IndexCommandOptions => {
  const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  return {
    tenant: text(raw.tenant),
    locale: text(raw.locale),
    kind: text(raw.kind),
    batchSize: text(raw.batchSize),
    restart: raw.restart === true,
  };
};

export const kindsOf = (kind: string | undefined): IndexKind[] => {
  if (kind === undefined) return [...INDEX_KINDS];
  if ((INDEX_KINDS as readonly string[]).includes(kind)) return [kind as IndexKind];
  throw indexErrors.INDEX_ARGUMENT_INVALID(`--kind must be one of ${INDEX_KINDS.join(', ')}`);
};

export const localeOf = (locale: string | undefined): string | undefined => {
  if (locale === undefined || /^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) return locale;
  throw indexErrors.INDEX_ARGUMENT_INVALID('--locale must look like en or pt-BR');
};

export const batchSizeOf = (size: string | undefined): number | undefined => {
  if (size === undefined) return undefined;
  const n = Number(size);
  if (Number.isInteger(n) && n > 0) return n;
  throw indexErrors.INDEX_ARGUMENT_INVALID('--batch-size must be a positive whole number');
};

/** The tenant named by --tenant (slug), or every active tenant. */
export const tenantsOf = async (db: Database, slug: string | undefined): Promise<{ id: string; slug: string }[]> => {
  const { rows } = await db.query<{ id: string; slug: string }>(
    'SELECT id, slug FROM tenants WHERE ($1::text IS NULL AND is_active) OR slug = $1 ORDER BY slug',
    [slug ?? null],
  );
  if (slug && rows.length === 0) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant with the slug "${slug}"`);
  return rows;
};
