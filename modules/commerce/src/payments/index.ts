import { manualProvider } from './manual.js';
import { createPaymentProviders } from './provider.js';

export { manualProvider } from './manual.js';
export type { PaymentProvider, PaymentProviders, PaymentRequest, ProviderPayment } from './provider.js';
export { createPaymentProviders } from './provider.js';

/** The providers this deployment offers. */
export const paymentProviders = createPaymentProviders([manualProvider]);
