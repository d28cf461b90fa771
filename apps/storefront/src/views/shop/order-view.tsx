import type { PageContext } from '../../context.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { fill } from '../../i18n/messages.js';
import type { ShopText } from '../../i18n/shop.js';
import { Totals } from './totals.js';
import type { OrderSummary, StoreOrder } from './types.js';

/** An order's status in the page's language (the API's word when the catalogue has none). */
export const statusText = (t: ShopText, status: string): string => {
  const key = `status_${status}` as keyof ShopText;
  return key in t ? t[key] : status;
};

const OrderLines = ({ ctx, t, order }: { ctx: PageContext; t: ShopText; order: StoreOrder }) => {
  const money = (amount: number) => formatMoney(ctx.locale, amount, order.currencyCode);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.product}</th>
          <th scope="col">{t.price}</th>
          <th scope="col">{t.quantity}</th>
          <th scope="col">{t.lineTotal}</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr>
            <th scope="row">
              {line.title}
              {line.variantTitle ? <span class="muted"> — {line.variantTitle}</span> : null}
            </th>
            <td>{money(line.unitPrice)}</td>
            <td>{line.quantity}</td>
            <td>{money(line.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** One order: its number first, then status, lines, totals and where it goes. */
export const OrderView = ({ ctx, t, order, placed }: { ctx: PageContext; t: ShopText; order: StoreOrder; placed: boolean }) => {
  const address = order.shippingAddress;
  return (
    <article aria-labelledby="order-title" class="order">
      <h1 id="order-title">{fill(t.orderTitle, { n: order.displayId })}</h1>
      {placed ? (
        <p class="notice" role="status">
          {t.orderThanks}
        </p>
      ) : null}
      <dl>
        <dt>{t.orderStatus}</dt>
        <dd data-status={order.status}>{statusText(t, order.status)}</dd>
        <dt>{t.orderPlaced}</dt>
        <dd>{formatDate(ctx.locale, order.createdAt)}</dd>
        <dt>{t.email}</dt>
        <dd>{order.email}</dd>
      </dl>
      <OrderLines ctx={ctx} t={t} order={order} />
      <Totals locale={ctx.locale} t={t} totals={order} />
      <h2>{t.shippingAddress}</h2>
      <address>
        {[
          address.name,
          address.company,
          address.line1,
          address.line2,
          address.city,
          address.region,
          address.postalCode,
          address.countryCode,
        ]
          .filter(Boolean)
          .join(', ')}
      </address>
      {order.shippingOption ? (
        <p>
          {t.shipping}: {order.shippingOption.name}
        </p>
      ) : null}
      <p>{t.paymentManual}</p>
    </article>
  );
};

/** A customer's orders as a table: number (linking to the order), date, status, total. */
export const OrderList = ({ ctx, t, orders }: { ctx: PageContext; t: ShopText; orders: readonly OrderSummary[] }) =>
  orders.length === 0 ? (
    <p>{t.ordersNone}</p>
  ) : (
    <table class="orders">
      <thead>
        <tr>
          <th scope="col">{t.order}</th>
          <th scope="col">{t.date}</th>
          <th scope="col">{t.orderStatus}</th>
          <th scope="col">{t.total}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr data-order={order.id}>
            <th scope="row">
              <a href={ctx.href(`/orders/${order.id}`)}>{fill(t.orderTitle, { n: order.displayId })}</a>
            </th>
            <td>{formatDate(ctx.locale, order.createdAt)}</td>
            <td>{statusText(t, order.status)}</td>
            <td>{formatMoney(ctx.locale, order.total, order.currencyCode)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
