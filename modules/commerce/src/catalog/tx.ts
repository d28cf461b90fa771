import { type CommerceContext, type CommerceTx, inTenant } from '../context.js';
import { mapUniqueViolation } from './errors.js';

/** A catalog use-case's transaction: like `inTenant`, with unique violations answered as 409s. */
export const catalogTx = async <T>(ctx: CommerceContext, fn: (w: CommerceTx) => Promise<T>): Promise<T> => {
  try {
    return await inTenant(ctx, fn);
  } catch (error) {
    throw mapUniqueViolation(error);
  }
};
