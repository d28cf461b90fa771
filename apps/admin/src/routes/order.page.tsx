import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import type { Order } from '../api/orders.js';
import { orderQuery } from '../api/orders.js';
import { can } from '../api/permissions.js';
import { OrderHistory } from '../components/order-history.js';
import { OrderLines } from '../components/order-lines.js';
import { OrderMoves } from '../components/order-moves.js';
import { OrderPayments } from '../components/order-payments.js';
import { useStatusName } from '../components/order-statuses.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All orders', order: (n: number) => `Order #${n}`, shipTo: 'Ship to', customer: 'Customer' },
  ru: { back: 'Все заказы', order: (n: number) => `Заказ №${n}`, shipTo: 'Адрес доставки', customer: 'Покупатель' },
});

const ShipTo = ({ order }: { readonly order: Order }) => {
  const t = useMessages(messages);
  const a = order.shippingAddress;
  return (
    <section aria-labelledby="order-ship-to">
      <h2 id="order-ship-to">{t.shipTo}</h2>
      <address>
        {a.name}
        <br />
        {a.line1}
        {a.line2 ? (
          <>
            <br />
            {a.line2}
          </>
        ) : null}
        <br />
        {a.postalCode} {a.city}, {a.countryCode}
      </address>
      <p>
        {t.customer}: <a href={`mailto:${order.email}`}>{order.email}</a>
      </p>
    </section>
  );
};

/** One order: lines, totals, address, payments, history, and only the moves the server allows now (and the user may make). */
export const OrderPage = () => {
  const t = useMessages(messages);
  const statusName = useStatusName();
  const { id } = getRouteApi('/app/orders/$id').useParams();
  const { data: order } = useSuspenseQuery(orderQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const allowed = (permission: string) => can(me, permission);
  return (
    <>
      <p>
        <Link to="/orders">{t.back}</Link>
      </p>
      <h1>
        {t.order(order.displayId)} <small data-testid="order-status">{statusName(order.status)}</small>
      </h1>
      <OrderMoves order={order} can={allowed} />
      <OrderLines order={order} />
      <ShipTo order={order} />
      <OrderPayments order={order} can={allowed} />
      <OrderHistory history={order.history} />
    </>
  );
};
