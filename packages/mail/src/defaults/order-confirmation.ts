import { Type } from '@sinclair/typebox';
import type { MailTemplateDefinition } from '../templates.js';
import { FOOTER, Person, page, Shop } from './layout.js';
import { OrderSummary, orderTable, SAMPLE_ORDER, TABLE_LABELS } from './order-parts.js';

const variables = Type.Object({
  shop: Shop,
  customer: Person,
  order: OrderSummary,
  order_url: Type.String({ description: "The order's page in the customer's account" }),
});

export const orderConfirmation: MailTemplateDefinition<typeof variables> = {
  key: 'order.confirmation',
  description: 'Sent to the customer when an order is placed: its lines and totals in their locale and currency.',
  variables,
  sample: {
    shop: { name: 'Acme Outfitters', url: 'https://shop.example.com' },
    customer: { name: 'Alex Example' },
    order: SAMPLE_ORDER,
    order_url: 'https://shop.example.com/account/orders/1042',
  },
  locales: {
    en: {
      subject: 'Your order {{ order.number }} at {{ shop.name }}',
      mjml: page({
        title: 'Thank you for your order',
        preview: 'Order {{ order.number }}: {{ order.total | money: order.currency }}',
        body: `        <mj-text>Hello {{ customer.name }},</mj-text>
        <mj-text>thank you for your order {{ order.number }} of {{ order.placed_at | date: 'long' }}. We will let you know when it ships.</mj-text>
${orderTable(TABLE_LABELS.en)}
        <mj-button href="{{ order_url }}">View your order</mj-button>`,
        footer: FOOTER.en,
      }),
    },
    de: {
      subject: 'Ihre Bestellung {{ order.number }} bei {{ shop.name }}',
      mjml: page({
        title: 'Vielen Dank für Ihre Bestellung',
        preview: 'Bestellung {{ order.number }}: {{ order.total | money: order.currency }}',
        body: `        <mj-text>Hallo {{ customer.name }},</mj-text>
        <mj-text>vielen Dank für Ihre Bestellung {{ order.number }} vom {{ order.placed_at | date: 'long' }}. Wir melden uns, sobald sie versandt ist.</mj-text>
${orderTable(TABLE_LABELS.de)}
        <mj-button href="{{ order_url }}">Bestellung ansehen</mj-button>`,
        footer: FOOTER.de,
      }),
    },
  },
};
