import type { Tx } from '@rustok/db';
import type { AttachedTarget } from '../schemas-attached.js';
import { isUuid } from './entries.js';

/** What flex needs to know of an entity it attaches values to. */
export type EntityFacts = {
  /** The node's kind (content nodes only). */
  readonly kind: string | null;
  /** Whether the storefront shows it (a published product or node; never a user). */
  readonly published: boolean;
};

const TABLES: Record<AttachedTarget, string> = { product: 'commerce_products', content_node: 'content_nodes', user: 'users' };

const QUERIES: Record<AttachedTarget, string> = {
  product: "SELECT NULL::text AS kind, status = 'published' AS published FROM commerce_products WHERE id = $1",
  content_node: "SELECT kind, status = 'published' AS published FROM content_nodes WHERE id = $1",
  user: 'SELECT NULL::text AS kind, false AS published FROM users WHERE id = $1',
};

/**
 * The entity of the transaction's tenant (row-level security scopes the read), or undefined: not the
 * tenant's, not a UUID, or its module is not built in. Content's contract tells which ids are nodes
 * but not their kind, and commerce's not a product's status, so the one-row read is here.
 */
export const loadEntity = async (tx: Tx, target: AttachedTarget, id: string): Promise<EntityFacts | undefined> => {
  if (!isUuid(id)) return undefined;
  const { rows: table } = await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [TABLES[target]]);
  if (!table[0]?.t) return undefined;
  const { rows } = await tx.query<EntityFacts>(QUERIES[target], [id]);
  return rows[0];
};
