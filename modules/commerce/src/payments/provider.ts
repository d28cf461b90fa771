import { commerceErrors } from '../errors.js';
import type { Minor } from '../money.js';

/** What a provider is asked to do with money; amounts are minor units of `currencyCode`. */
export interface PaymentRequest {
  readonly orderId: string;
  readonly amount: Minor;
  readonly currencyCode: string;
}

/** A payment the provider knows, by the reference it gave at authorization. */
export interface ProviderPayment {
  readonly reference: string | null;
  readonly amount: Minor;
  readonly currencyCode: string;
}

/**
 * A payment provider. The module calls it inside the order's transaction, so an answer is final
 * only when that transaction commits; a provider that talks to the outside world must be
 * idempotent per reference (a retried call after a rollback must not charge twice).
 */
export interface PaymentProvider {
  readonly id: string;
  authorize(request: PaymentRequest): Promise<{ reference: string }>;
  capture(payment: ProviderPayment): Promise<void>;
  refund(payment: ProviderPayment, amount: Minor): Promise<void>;
  void(payment: ProviderPayment): Promise<void>;
}

export interface PaymentProviders {
  get(id: string): PaymentProvider;
  readonly ids: readonly string[];
}

export const createPaymentProviders = (providers: readonly PaymentProvider[]): PaymentProviders => {
  const byId = new Map(providers.map((p) => [p.id, p]));
  return {
    ids: [...byId.keys()],
    get(id) {
      const provider = byId.get(id);
      if (!provider) {
        throw commerceErrors.COMMERCE_PAYMENT_PROVIDER_UNKNOWN(`No payment provider ${id}; known: ${[...byId.keys()].join(', ')}`);
      }
      return provider;
    },
  };
};
