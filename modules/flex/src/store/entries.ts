import type { Tx } from '@rustok/db';
import type { AppError } from '@rustok/kernel';
import { flexErrors } from '../errors.js';
import type { EntryStatus, FlexEntry } from '../schemas.js';
import { type KeyFilter, keyConditions } from './entry-keys.js';

/**
 * The SQL of flex_entries. Every statement runs in a tenant transaction: row-level security keeps it
 * in the tenant, so another tenant's entry is simply not there.
 */
export type EntryRow = {
  readonly id: string;
  readonly schema_id: string;
  readonly schema_version: number;
  readonly slug: string | null;
  readonly status: EntryStatus;
  readonly values: Record<string, unknown>;
  readonly created_at: Date | string;
  readonly updated_at: Date | string;
  readonly published_at: Date | string | null;
};

const COLUMNS = 'id, schema_id, schema_version, slug, status, "values", created_at, updated_at, published_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the canonical text of a UUID (anything else names no row, and is never cast by the database). */
export const isUuid = (text: string): boolean => UUID.test(text);

const iso = (value: Date | string): string => new Date(value).toISOString();

/** The entry as the API shows it; `values` are the ones to show (all of them, or the public ones). */
export const toFlexEntry = (row: EntryRow, schemaSlug: string, values: Record<string, unknown> = row.values): FlexEntry => ({
  id: row.id,
  schema: schemaSlug,
  schemaVersion: row.schema_version,
  slug: row.slug,
  status: row.status,
  values,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  publishedAt: row.published_at === null ? null : iso(row.published_at),
});

export const entryNotFound = (id: string): AppError => flexErrors.FLEX_ENTRY_NOT_FOUND(`No entry ${id.slice(0, 64)}`);

export interface NewEntry {
  readonly id: string;
  readonly schemaId: string;
  readonly schemaVersion: number;
  readonly slug: string | null;
  readonly status: EntryStatus;
  readonly values: Record<string, unknown>;
}

export const insertEntry = async (tx: Tx, entry: NewEntry): Promise<EntryRow> => {
  const { rows } = await tx.query<EntryRow>(
    `INSERT INTO flex_entries (id, schema_id, schema_version, slug, status, "values", published_at, validated_version)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'published' THEN now() END, $3) RETURNING ${COLUMNS}`,
    [entry.id, entry.schemaId, entry.schemaVersion, entry.slug, entry.status, JSON.stringify(entry.values)],
  );
  return rows[0] as EntryRow;
};

/** The tenant's entry, or undefined (a text that is not a UUID names none). */
export const loadEntry = async (tx: Tx, id: string, forUpdate = false): Promise<EntryRow | undefined> => {
  if (!isUuid(id)) return undefined;
  const { rows } = await tx.query<EntryRow>(`SELECT ${COLUMNS} FROM flex_entries WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
};

/** The tenant's entry, or 404 FLEX_ENTRY_NOT_FOUND. */
export const requireEntry = async (tx: Tx, id: string, forUpdate = false): Promise<EntryRow> => {
  const row = await loadEntry(tx, id, forUpdate);
  if (!row) throw entryNotFound(id);
  return row;
};

export interface EntryChange {
  readonly slug?: string | null;
  readonly values?: Record<string, unknown>;
  readonly schemaVersion?: number;
}

/** Changes the given columns (the others stay) and updated_at; new values were checked against `schemaVersion`: nothing fails. */
export const updateEntryRow = async (tx: Tx, id: string, change: EntryChange): Promise<EntryRow> => {
  const { rows } = await tx.query<EntryRow>(
    `UPDATE flex_entries SET
       slug = CASE WHEN $2 THEN $3 ELSE slug END,
       "values" = COALESCE($4::jsonb, "values"),
       schema_version = COALESCE($5::integer, schema_version),
       validated_version = CASE WHEN $4::jsonb IS NULL THEN validated_version ELSE COALESCE($5::integer, schema_version) END,
       validation_errors = CASE WHEN $4::jsonb IS NULL THEN validation_errors END,
       updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      change.slug !== undefined,
      change.slug ?? null,
      change.values === undefined ? null : JSON.stringify(change.values),
      change.schemaVersion ?? null,
    ],
  );
  return rows[0] as EntryRow;
};

/** Publishes (published_at now, schema_version the one the values were checked against, and passed) or returns to draft. */
export const setEntryStatus = async (tx: Tx, id: string, status: EntryStatus, schemaVersion: number): Promise<EntryRow> => {
  const { rows } = await tx.query<EntryRow>(
    `UPDATE flex_entries SET status = $2, schema_version = $3, updated_at = now(),
       published_at = CASE WHEN $2 = 'published' THEN now() END,
       validated_version = CASE WHEN $2 = 'published' THEN $3 ELSE validated_version END,
       validation_errors = CASE WHEN $2 = 'published' THEN NULL ELSE validation_errors END
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status, schemaVersion],
  );
  return rows[0] as EntryRow;
};

export const deleteEntryRow = async (tx: Tx, id: string): Promise<void> => {
  await tx.query('DELETE FROM flex_entries WHERE id = $1', [id]);
};

/** True when another entry of the schema has this slug. */
export const entrySlugTaken = async (tx: Tx, schemaId: string, slug: string, exceptId: string | null): Promise<boolean> => {
  const { rows } = await tx.query('SELECT 1 FROM flex_entries WHERE schema_id = $1 AND slug = $2 AND id IS DISTINCT FROM $3::uuid', [
    schemaId,
    slug,
    exceptId,
  ]);
  return rows.length > 0;
};

/**
 * Serialises the writers of one schema's unique values until the transaction ends, so that two
 * entries written at once cannot both take a value.
 */
export const lockUniqueValues = async (tx: Tx, schemaId: string): Promise<void> => {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('flex_entries_unique:' || $1::text, 0))", [schemaId]);
};

/** True when another entry of the schema has this value at `key` (JSON equality: 1.50 equals 1.5). */
export const valueTaken = async (tx: Tx, schemaId: string, key: string, value: string | number, exceptId: string | null) => {
  const { rows } = await tx.query(
    'SELECT 1 FROM flex_entries WHERE schema_id = $1 AND "values" -> $2 = $3::jsonb AND id IS DISTINCT FROM $4::uuid LIMIT 1',
    [schemaId, key, JSON.stringify(value), exceptId],
  );
  return rows.length > 0;
};

export interface EntryPageQuery {
  readonly limit: number;
  /** The last id of the previous page. */
  readonly afterId?: string;
  readonly status?: EntryStatus;
  /** Equality filters on indexed fields (flex_entry_keys). */
  readonly filters?: readonly KeyFilter[];
}

/** One page of the schema's entries, newest first (ids are UUIDv7: they sort by creation); one more row tells if there is a next page. */
export const selectEntries = async (tx: Tx, schemaId: string, query: EntryPageQuery): Promise<{ rows: EntryRow[]; more: boolean }> => {
  const filters = keyConditions(query.filters ?? [], 5);
  const { rows } = await tx.query<EntryRow>(
    `SELECT ${COLUMNS} FROM flex_entries
     WHERE schema_id = $1 AND ($2::uuid IS NULL OR id < $2::uuid) AND ($3::text IS NULL OR status = $3)${filters.sql}
     ORDER BY id DESC LIMIT $4`,
    [schemaId, query.afterId ?? null, query.status ?? null, query.limit + 1, ...filters.params],
  );
  return { rows: rows.slice(0, query.limit), more: rows.length > query.limit };
};
