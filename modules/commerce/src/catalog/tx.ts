import { type CommerceContext, type CommerceTx, inTenant } from '../context.js';
import { settingsFirst } from '../settings.js';
import { mapUniqueViolation } from './errors.js';

/**
 * A catalog use-case's transaction: like `inTenant`, with unique violations answered as 409s and
 * the settings read with BEGIN.
 */
export const catalogTx = async <T>(ctx: CommerceContext, fn: (w: CommerceTx) => Promise<T>): Promise<T> => {
  try {
    return await inTenant(ctx, fn, settingsFirst);
  } catch (error) {
    throw mapUniqueViolation(error);
  }
};
