import { Type } from '@sinclair/typebox';
import type { MailTemplateDefinition } from '../templates.js';
import { FOOTER, Instant, Person, page, Shop } from './layout.js';

const variables = Type.Object({
  shop: Shop,
  customer: Person,
  order: Type.Object({ number: Type.String() }),
  shipment: Type.Object({
    carrier: Type.Optional(Type.String({ description: 'Who carries the parcel, when the shop recorded it' })),
    tracking_number: Type.Optional(Type.String({ description: "The carrier's parcel number, when the shop recorded it" })),
    tracking_url: Type.Optional(Type.String({ description: "The carrier's tracking page, when there is one" })),
    shipped_at: Instant,
  }),
  order_url: Type.String({ description: "The order's page in the customer's account" }),
});

export const orderShipped: MailTemplateDefinition<typeof variables> = {
  key: 'order.shipped',
  description: 'Sent to the customer when (part of) an order ships: when it left, and carrier and tracking where known.',
  variables,
  sample: {
    shop: { name: 'Acme Outfitters', url: 'https://shop.example.com' },
    customer: { name: 'Alex Example' },
    order: { number: '1042' },
    shipment: {
      carrier: 'DHL',
      tracking_number: '00340434161094042557',
      tracking_url: 'https://tracking.example.com/00340434161094042557',
      shipped_at: '2026-03-15T14:05:00Z',
    },
    order_url: 'https://shop.example.com/account/orders/1042',
  },
  locales: {
    en: {
      subject: 'Your order {{ order.number }} is on its way',
      mjml: page({
        title: 'Your order is on its way',
        preview: 'Order {{ order.number }}{% if shipment.tracking_number %}: {{ shipment.tracking_number }}{% endif %}',
        body: `        <mj-text>Hello {{ customer.name }},</mj-text>
        <mj-text>your order {{ order.number }} left us on {{ shipment.shipped_at | date: 'long' }}{% if shipment.carrier %} with {{ shipment.carrier }}{% endif %}.{% if shipment.tracking_number %} Tracking number: {{ shipment.tracking_number }}.{% endif %}</mj-text>
        {% if shipment.tracking_url %}<mj-button href="{{ shipment.tracking_url }}">Track your parcel</mj-button>{% endif %}
        <mj-text><a href="{{ order_url }}">View your order</a></mj-text>`,
        footer: FOOTER.en,
      }),
    },
    de: {
      subject: 'Ihre Bestellung {{ order.number }} ist unterwegs',
      mjml: page({
        title: 'Ihre Bestellung ist unterwegs',
        preview: 'Bestellung {{ order.number }}{% if shipment.tracking_number %}: {{ shipment.tracking_number }}{% endif %}',
        body: `        <mj-text>Hallo {{ customer.name }},</mj-text>
        <mj-text>Ihre Bestellung {{ order.number }} wurde am {{ shipment.shipped_at | date: 'long' }}{% if shipment.carrier %} mit {{ shipment.carrier }}{% endif %} versandt.{% if shipment.tracking_number %} Sendungsnummer: {{ shipment.tracking_number }}.{% endif %}</mj-text>
        {% if shipment.tracking_url %}<mj-button href="{{ shipment.tracking_url }}">Sendung verfolgen</mj-button>{% endif %}
        <mj-text><a href="{{ order_url }}">Bestellung ansehen</a></mj-text>`,
        footer: FOOTER.de,
      }),
    },
  },
};
