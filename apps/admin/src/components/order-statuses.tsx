import type { OrderStatus, PaymentStatus } from '../api/orders.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

/** Order and payment statuses as the staff read them (English keeps the API's own words). */
const statuses = defineMessages({
  en: {
    pending: 'pending',
    paid: 'paid',
    fulfilled: 'fulfilled',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    refunded: 'refunded',
    authorized: 'authorized',
    captured: 'captured',
    failed: 'failed',
    voided: 'voided',
  },
  ru: {
    pending: 'ожидает оплаты',
    paid: 'оплачен',
    fulfilled: 'собран',
    shipped: 'отправлен',
    delivered: 'доставлен',
    cancelled: 'отменён',
    refunded: 'возвращён',
    authorized: 'авторизован',
    captured: 'списан',
    failed: 'не прошёл',
    voided: 'аннулирован',
  },
});

/** The name of an order's or a payment's status in the chosen language. */
export const useStatusName = (): ((status: OrderStatus | PaymentStatus) => string) => {
  const t = useMessages(statuses);
  return (status) => t[status];
};
