import type { SqlRunner } from '@rustok/kernel';
import { capabilityHash, newCapabilityToken } from '../../capability.js';

/**
 * A further token for an order (a replayed checkout answers one: the token of the first answer
 * was shown once and is not kept). Earlier tokens stay valid.
 */
export const issueOrderToken = async (tx: SqlRunner, orderId: string): Promise<string> => {
  const token = newCapabilityToken();
  await tx.query('INSERT INTO commerce_order_tokens (order_id, token_hash) VALUES ($1, $2)', [orderId, capabilityHash(token)]);
  return token;
};
