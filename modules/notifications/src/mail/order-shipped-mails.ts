import { COMMERCE_EVENT, loadOrderForMail, type OrderForMail, type OrderStatusChangedPayload } from '@rustok/commerce/contracts';
import type { EventEnvelope, EventHandlerDeclaration, HandlerContext } from '@rustok/kernel';
import { enqueueMails, type MailRequest } from './queue.js';
import { loadMailSettings } from './settings.js';

/**
 * The customer's "on its way" mail. An order records no carrier or tracking number (a transition
 * carries only a status and a staff note), so the mail says when it left: the time of the move.
 */
const shippedMail = (o: OrderForMail, locale: string, shippedAt: string): MailRequest => ({
  template: 'order.shipped',
  locale: o.locale ?? locale,
  to: o.email,
  variables: {
    customer: { name: o.customerName || (o.email.split('@')[0] ?? '') },
    order: { number: o.number },
    shipment: { shipped_at: shippedAt },
    order_url: `/orders/${o.id}`,
  },
});

/**
 * Order shipped: an order moved to `shipped` queues the customer's mail, in their checkout locale
 * (the tenant's default otherwise), in the consumer's transaction with its receipt: an event handled
 * twice queues nothing more. The order is read through commerce's contract.
 */
export const orderShippedMails: EventHandlerDeclaration = {
  consumer: 'notifications.order-shipped-mails',
  types: [COMMERCE_EVENT.orderStatusChanged],
  handle: async (event: EventEnvelope, ctx: HandlerContext) => {
    const change = event.payload as OrderStatusChangedPayload;
    if (change.to !== 'shipped' || change.from === 'shipped') return;
    const order = await loadOrderForMail(ctx.tx, change.orderId);
    if (!order) return;
    const settings = await loadMailSettings(ctx.tx, ctx.tenantId);
    await enqueueMails(ctx.tx, ctx.tenantId, [shippedMail(order, settings.locale, event.occurredAt)]);
  },
};
