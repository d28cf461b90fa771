import { productPublished } from '@rustok/commerce/contracts';
import { nodeFacts } from '@rustok/content/contracts';
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

/** A user of the transaction's tenant (users are the platform's: row-level security scopes the read). */
const loadUser = async (tx: Tx, id: string): Promise<EntityFacts | undefined> => {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM users WHERE id = $1', [id]);
  return rows[0] ? { kind: null, published: false } : undefined;
};

/**
 * The entity of the transaction's tenant, or undefined: not the tenant's, not a UUID, or its module is
 * not built in. Products and nodes are read through their modules' contracts.
 */
export const loadEntity = async (tx: Tx, target: AttachedTarget, id: string): Promise<EntityFacts | undefined> => {
  if (!isUuid(id)) return undefined;
  if (target === 'user') return loadUser(tx, id);
  if (target === 'content_node') return nodeFacts(tx, id);
  const published = await productPublished(tx, id);
  return published === undefined ? undefined : { kind: null, published };
};
