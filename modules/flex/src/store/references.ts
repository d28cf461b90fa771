import { existingProductIds } from '@rustok/commerce/contracts';
import { existingNodeIds } from '@rustok/content/contracts';
import type { Tx } from '@rustok/db';
import type { ReferenceTarget } from '../schemas.js';
import { isUuid } from './entries.js';

/**
 * Which referenced ids exist in the transaction's tenant (row-level security scopes every read).
 * A text that is not a UUID names nothing and never reaches a cast.
 */

const uuids = (ids: readonly string[]): string[] => [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];

/** Entries of the tenant; of the schema with slug `schema` when it is given. */
export const existingEntryIds = async (tx: Tx, ids: readonly string[], schema?: string): Promise<Set<string>> => {
  const wanted = uuids(ids);
  if (wanted.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>(
    `SELECT e.id FROM flex_entries e JOIN flex_schemas s ON s.id = e.schema_id
     WHERE e.id = ANY($1::uuid[]) AND ($2::text IS NULL OR s.slug = $2)`,
    [wanted, schema ?? null],
  );
  return new Set(rows.map((r) => r.id));
};

/**
 * Users of the tenant. The platform's `users` table (packages/auth) is tenant-owned with row-level
 * security, so the read sees this tenant's users only; auth's own lookup (findUserById) reads one
 * user with its roles at a time, where a batch of ids is wanted here.
 */
export const existingUserIds = async (tx: Tx, ids: readonly string[]): Promise<Set<string>> => {
  const wanted = uuids(ids);
  if (wanted.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM users WHERE id = ANY($1::uuid[])', [wanted]);
  return new Set(rows.map((r) => r.id));
};

/**
 * The ids of one target that exist. Products through commerce's contract (none when commerce is not
 * built in: then a product reference cannot be checked and is refused), nodes through content's.
 */
export const existingIds = (tx: Tx, to: ReferenceTarget, ids: readonly string[], schema?: string): Promise<Set<string>> => {
  switch (to) {
    case 'flex_entry':
      return existingEntryIds(tx, ids, schema);
    case 'user':
      return existingUserIds(tx, ids);
    case 'product':
      return existingProductIds(tx, uuids(ids));
    case 'content_node':
      return existingNodeIds(tx, uuids(ids));
  }
};
