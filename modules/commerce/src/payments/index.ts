import { manualProvider } from './manual.js';
import { createPaymentProviders } from './provider.js';

/** The providers this deployment offers. */
export const paymentProviders = createPaymentProviders([manualProvider]);
