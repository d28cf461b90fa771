import { COMMERCE_EVENT, loadOrderForMail, type OrderForMail, type OrderPlacedPayload } from '@rustok/commerce/contracts';
import type { EventEnvelope, EventHandlerDeclaration, HandlerContext } from '@rustok/kernel';
import { enqueueMails, type MailRequest } from './queue.js';
import { loadMailSettings, type TenantMailSettings } from './settings.js';

/** The order as the shipped order mails take it (`order.*` of their variables). */
const summaryOf = (o: OrderForMail) => ({
  number: o.number,
  placed_at: o.placedAt,
  currency: o.currency,
  items: o.items.map((i) => ({ title: i.title, quantity: i.quantity, unit_price: i.unitPrice, total: i.total })),
  subtotal: o.subtotal - o.discount,
  shipping: o.shipping,
  tax: o.tax,
  total: o.total,
});

/** The customer's confirmation in their locale (the tenant's default when the order has none), and the staff's notice. */
const mailsOf = (o: OrderForMail, s: TenantMailSettings): MailRequest[] => {
  const order = summaryOf(o);
  const confirmation: MailRequest = {
    template: 'order.confirmation',
    locale: o.locale ?? s.locale,
    to: o.email,
    variables: { customer: { name: o.customerName }, order, order_url: `/orders/${o.id}` },
  };
  const staff = s.staffAddresses.map(
    (to): MailRequest => ({
      template: 'order.new_staff',
      locale: s.locale,
      to,
      variables: { order, customer: { name: o.customerName, email: o.email }, admin_url: `/admin/orders/${o.id}` },
    }),
  );
  return [confirmation, ...staff];
};

/**
 * Order mails: a placed order queues its confirmation to the customer and a notice to each staff
 * address, in the consumer's transaction (with its receipt: an event handled twice queues nothing more).
 * The order is read through commerce's contract.
 */
export const orderMails: EventHandlerDeclaration = {
  consumer: 'notifications.order-mails',
  types: [COMMERCE_EVENT.orderPlaced],
  handle: async (event: EventEnvelope, ctx: HandlerContext) => {
    const order = await loadOrderForMail(ctx.tx, (event.payload as OrderPlacedPayload).orderId);
    if (!order) return;
    await enqueueMails(ctx.tx, ctx.tenantId, mailsOf(order, await loadMailSettings(ctx.tx, ctx.tenantId)));
  },
};
