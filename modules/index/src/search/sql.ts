import { type Database, preparedSql } from '@rustok/db';
import { indexErrors } from '../errors.js';

const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return String(value);
};

/**
 * Collects the values of a statement while it is put together: `p(value)` gives the SQL that reads
 * it (`($1::text[])[n]`, text; callers cast where another type is meant): every value goes in one
 * text array, the statement's only parameter.
 */
export const createParams = () => {
  const values: (string | null)[] = [];
  return {
    values,
    p(value: unknown): string {
      values.push(asText(value));
      return `($1::text[])[${values.length}]`;
    },
  };
};
export type Params = ReturnType<typeof createParams>;

/** Planned once per connection (PostgreSQL): only the statement inside changes. */
const READ_SQL = preparedSql('index_read', 'SELECT index_read($1, $2, $3, $4) AS r');

/**
 * Runs one storefront statement of a tenant (row-level security applies) and gives its rows: as a
 * tenant read, or with a trigram threshold through index_read(), which sets it for that statement
 * (and gives the rows as JSON values: columns of JSON types come back the same either way).
 */
export const readRows = async <Row extends Record<string, unknown>>(
  db: Database,
  tenantId: string,
  sql: string,
  params: Params,
  trigramThreshold?: number,
): Promise<Row[]> => {
  if (trigramThreshold === undefined) return (await db.tenantRead<Row>(tenantId, sql, [params.values])).rows;
  const { rows } = await db.query<{ r: Row[] }>(READ_SQL, [tenantId, sql, params.values, trigramThreshold]);
  return rows[0]?.r ?? [];
};

/** How a list was matched: everything, full text, or the typo fallback (trigram, or loose prefixes without pg_trgm). */
export type MatchMode = 'all' | 'fulltext' | 'fuzzy';

/** A built-in sort, or a sortable public flex field (`custom.<schema>.<key>`, `-` first for descending). */
export type SortName = 'relevance' | 'price_asc' | 'price_desc' | 'newest' | `custom.${string}` | `-custom.${string}`;

const isCustomSort = (sort: SortName): boolean => sort.startsWith('custom.') || sort.startsWith('-custom.');

/** Where a page ended: the sort key of its last row (as text, exactly as the database printed it) and its id. */
export interface Cursor {
  readonly mode: MatchMode;
  readonly sort: SortName;
  readonly key: string | null;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const badCursor = () =>
  indexErrors.INDEX_CURSOR_INVALID('The cursor is not one this list handed out (or belongs to another sort)', {
    errors: [{ path: 'querystring/cursor', message: 'is not a valid cursor for this query' }],
  });

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.mode, c.sort, c.key, c.id])).toString('base64url');

/** The cursor of a request, checked against the sort it is used with. */
export const decodeCursor = (raw: string | undefined, sort: SortName): Cursor | undefined => {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw badCursor();
  const [mode, s, key, id] = parsed as unknown[];
  if (mode !== 'all' && mode !== 'fulltext' && mode !== 'fuzzy') throw badCursor();
  if (s !== sort || (key !== null && typeof key !== 'string') || typeof id !== 'string' || !UUID.test(id)) throw badCursor();
  // A built-in sort's key is a number or a time; a flex field's may be any text of it.
  if (typeof key === 'string' && !isCustomSort(sort) && (key.length > 64 || !/^[0-9.eE+:\- TZ]+$/.test(key))) throw badCursor();
  if (typeof key === 'string' && key.length > 1_000) throw badCursor();
  return { mode, sort, key, id };
};

const trigram = new WeakMap<object, Promise<boolean>>();

/** Whether the trigram search functions exist (pg_trgm was there when the index migrated); looked up once per database handle. */
export const hasTrigram = (db: Database): Promise<boolean> => {
  let known = trigram.get(db);
  if (!known) {
    known = db
      .query<{ present: boolean }>("SELECT to_regprocedure('index_similar_products(text,text)') IS NOT NULL AS present")
      .then((r) => r.rows[0]?.present === true);
    trigram.set(db, known);
  }
  return known;
};

/** Word-similarity threshold of the typo fallback (pg_trgm's default of 0.6 misses short words with one typo). */
export const TRIGRAM_THRESHOLD = 0.4;
