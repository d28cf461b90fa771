import { Type } from '@sinclair/typebox';
import { Amount, Currency, Instant } from './layout.js';

export const OrderLine = Type.Object({
  title: Type.String(),
  quantity: Type.Integer({ minimum: 1 }),
  unit_price: Amount,
  total: Amount,
});

/** An order as the customer's and the staff's mails show it; amounts in minor units of `currency`. */
export const OrderSummary = Type.Object({
  number: Type.String({ description: 'The order number the customer sees' }),
  placed_at: Instant,
  currency: Currency,
  items: Type.Array(OrderLine),
  subtotal: Amount,
  shipping: Amount,
  tax: Amount,
  total: Amount,
});

export const SAMPLE_ORDER = {
  number: '1042',
  placed_at: '2026-03-14T09:30:00Z',
  currency: 'EUR',
  items: [
    { title: 'Trail Runner 2, size 42', quantity: 1, unit_price: 11999, total: 11999 },
    { title: 'Merino Socks', quantity: 3, unit_price: 1450, total: 4350 },
  ],
  subtotal: 16349,
  shipping: 495,
  tax: 2610,
  total: 16844,
};

interface Labels {
  readonly item: string;
  readonly quantity: string;
  readonly amount: string;
  readonly subtotal: string;
  readonly shipping: string;
  readonly tax: string;
  readonly total: string;
}

const cell = 'style="padding:6px 0;border-bottom:1px solid #e5e7eb"';
const right = 'style="padding:6px 0;text-align:right"';

/** The order's lines and totals as an MJML table. */
export function orderTable(l: Labels): string {
  return `        <mj-table font-size="14px" line-height="20px">
          <tr style="text-align:left;color:#6b7280"><th ${cell}>${l.item}</th> <th ${cell}>${l.quantity}</th> <th ${cell} align="right">${l.amount}</th></tr>
          {% for line in order.items %}<tr><td ${cell}>{{ line.title }}</td> <td ${cell}>{{ line.quantity }} × {{ line.unit_price | money: order.currency }}</td> <td ${cell} align="right">{{ line.total | money: order.currency }}</td></tr>
          {% endfor %}<tr><td colspan="2">${l.subtotal}</td> <td ${right}>{{ order.subtotal | money: order.currency }}</td></tr>
          <tr><td colspan="2">${l.shipping}</td> <td ${right}>{{ order.shipping | money: order.currency }}</td></tr>
          <tr><td colspan="2">${l.tax}</td> <td ${right}>{{ order.tax | money: order.currency }}</td></tr>
          <tr style="font-weight:bold"><td colspan="2">${l.total}</td> <td ${right}>{{ order.total | money: order.currency }}</td></tr>
        </mj-table>`;
}

export const TABLE_LABELS = {
  en: { item: 'Item', quantity: 'Quantity', amount: 'Amount', subtotal: 'Subtotal', shipping: 'Shipping', tax: 'Tax', total: 'Total' },
  de: {
    item: 'Artikel',
    quantity: 'Menge',
    amount: 'Betrag',
    subtotal: 'Zwischensumme',
    shipping: 'Versand',
    tax: 'MwSt.',
    total: 'Gesamt',
  },
} as const satisfies Record<string, Labels>;
