import type { Order } from '../api/orders.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    lines: 'Lines',
    item: 'Item',
    sku: 'SKU',
    quantity: 'Quantity',
    price: 'Price',
    total: 'Total',
    subtotal: 'Subtotal',
    discount: 'Discount',
    shipping: 'Shipping',
    tax: 'Tax',
  },
  ru: {
    lines: 'Позиции',
    item: 'Товар',
    sku: 'Артикул',
    quantity: 'Количество',
    price: 'Цена',
    total: 'Итого',
    subtotal: 'Подытог',
    discount: 'Скидка',
    shipping: 'Доставка',
    tax: 'Налог',
  },
});

const Totals = ({ order }: { readonly order: Order }) => {
  const t = useMessages(messages);
  const { money } = useFormat();
  const rows = [
    [t.subtotal, order.subtotal],
    [t.discount, order.discountTotal],
    [t.shipping, order.shippingTotal],
    [t.tax, order.taxTotal],
  ] as const;
  return (
    <dl className="facts">
      {rows.map(([label, amount]) => [
        <dt key={`${label}-t`}>{label}</dt>,
        <dd key={`${label}-d`}>{money(amount, order.currencyCode)}</dd>,
      ])}
      <dt>{t.total}</dt>
      <dd>
        <strong>{money(order.total, order.currencyCode)}</strong>
      </dd>
    </dl>
  );
};

/** The order's lines as bought (prices of that moment) and its totals. */
export const OrderLines = ({ order }: { readonly order: Order }) => {
  const t = useMessages(messages);
  const { money, number } = useFormat();
  return (
    <section aria-labelledby="order-lines">
      <h2 id="order-lines">{t.lines}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.item}</th>
            <th scope="col">{t.sku}</th>
            <th scope="col">{t.quantity}</th>
            <th scope="col">{t.price}</th>
            <th scope="col">{t.total}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.title} — {l.variantTitle}
              </td>
              <td>{l.sku ?? '—'}</td>
              <td>{number(l.quantity)}</td>
              <td>{money(l.unitPrice, order.currencyCode)}</td>
              <td>{money(l.total, order.currencyCode)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals order={order} />
    </section>
  );
};
