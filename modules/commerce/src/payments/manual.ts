import { generateId } from '@rustok/kernel';
import type { PaymentProvider } from './provider.js';

/**
 * The `manual` provider: money handled outside the platform (cash on delivery, bank transfer, a
 * card terminal). Every step succeeds at once and is only recorded; the reference names the
 * authorization so that the ledger reads like any other provider's.
 */
export const manualProvider: PaymentProvider = {
  id: 'manual',
  authorize: async () => ({ reference: `manual_${generateId()}` }),
  capture: async () => {},
  refund: async () => {},
  void: async () => {},
};
