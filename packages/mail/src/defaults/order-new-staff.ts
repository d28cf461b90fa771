import { Type } from '@sinclair/typebox';
import type { MailTemplateDefinition } from '../templates.js';
import { FOOTER, page, Shop } from './layout.js';
import { OrderSummary, orderTable, SAMPLE_ORDER, TABLE_LABELS } from './order-parts.js';

const variables = Type.Object({
  shop: Shop,
  order: OrderSummary,
  customer: Type.Object({ name: Type.String(), email: Type.String() }),
  admin_url: Type.String({ description: "The order's page in the admin" }),
});

export const orderNewStaff: MailTemplateDefinition<typeof variables> = {
  key: 'order.new_staff',
  description: "Sent to the shop's staff when an order is placed.",
  variables,
  sample: {
    shop: { name: 'Acme Outfitters', url: 'https://shop.example.com' },
    order: SAMPLE_ORDER,
    customer: { name: 'Alex Example', email: 'alex@example.com' },
    admin_url: 'https://admin.example.com/orders/1042',
  },
  locales: {
    en: {
      subject: 'New order {{ order.number }}: {{ order.total | money: order.currency }}',
      mjml: page({
        title: 'New order',
        preview: '{{ customer.name }}, {{ order.total | money: order.currency }}',
        body: `        <mj-text>Order {{ order.number }} was placed on {{ order.placed_at | date: 'medium', 'short' }} by {{ customer.name }} ({{ customer.email }}).</mj-text>
${orderTable(TABLE_LABELS.en)}
        <mj-button href="{{ admin_url }}">Open the order</mj-button>`,
        footer: FOOTER.en,
      }),
    },
    de: {
      subject: 'Neue Bestellung {{ order.number }}: {{ order.total | money: order.currency }}',
      mjml: page({
        title: 'Neue Bestellung',
        preview: '{{ customer.name }}, {{ order.total | money: order.currency }}',
        body: `        <mj-text>Bestellung {{ order.number }} wurde am {{ order.placed_at | date: 'medium', 'short' }} von {{ customer.name }} ({{ customer.email }}) aufgegeben.</mj-text>
${orderTable(TABLE_LABELS.de)}
        <mj-button href="{{ admin_url }}">Bestellung öffnen</mj-button>`,
        footer: FOOTER.de,
      }),
    },
  },
};
