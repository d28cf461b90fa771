import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { moveOrder, type Order, type OrderStatus, orderQuery } from '../api/orders.js';
import { ErrorNotice } from '../components/error-notice.js';
import { dateTime, money } from '../format.js';

const MOVE_LABEL: Record<OrderStatus, string> = {
  pending: 'Back to pending',
  paid: 'Mark as paid',
  fulfilled: 'Mark as fulfilled',
  shipped: 'Mark as shipped',
  delivered: 'Mark as delivered',
  cancelled: 'Cancel order',
  refunded: 'Refund',
};

const Totals = ({ order }: { readonly order: Order }) => (
  <dl className="facts">
    <dt>Subtotal</dt>
    <dd>{money(order.subtotal, order.currencyCode)}</dd>
    <dt>Discount</dt>
    <dd>{money(order.discountTotal, order.currencyCode)}</dd>
    <dt>Shipping</dt>
    <dd>{money(order.shippingTotal, order.currencyCode)}</dd>
    <dt>Tax</dt>
    <dd>{money(order.taxTotal, order.currencyCode)}</dd>
    <dt>Total</dt>
    <dd>
      <strong>{money(order.total, order.currencyCode)}</strong>
    </dd>
  </dl>
);

/** One order: lines, totals, address, payments, history, and only the moves the server allows now. */
export const OrderPage = () => {
  const { id } = getRouteApi('/app/orders/$id').useParams();
  const { data: order } = useSuspenseQuery(orderQuery(id));
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: moveOrder,
    onSuccess: (next) => {
      queryClient.setQueryData(orderQuery(id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['commerce', 'orders'] });
    },
  });
  return (
    <>
      <p>
        <Link to="/orders">All orders</Link>
      </p>
      <h1>
        Order #{order.displayId} <small data-testid="order-status">{order.status}</small>
      </h1>
      <fieldset className="row actions">
        <legend>Move the order</legend>
        {order.allowedTransitions.length === 0 ? <span>No further moves.</span> : null}
        {order.allowedTransitions.map((to) => (
          <button key={to} type="button" disabled={move.isPending} onClick={() => move.mutate({ id, to })}>
            {MOVE_LABEL[to]}
          </button>
        ))}
      </fieldset>
      {move.error ? <ErrorNotice error={move.error} /> : null}
      <h2>Lines</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">SKU</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.title} — {l.variantTitle}
              </td>
              <td>{l.sku ?? '—'}</td>
              <td>{l.quantity}</td>
              <td>{money(l.unitPrice, order.currencyCode)}</td>
              <td>{money(l.total, order.currencyCode)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals order={order} />
      <h2>Ship to</h2>
      <address>
        {order.shippingAddress.name}
        <br />
        {order.shippingAddress.line1}
        <br />
        {order.shippingAddress.postalCode} {order.shippingAddress.city}, {order.shippingAddress.countryCode}
      </address>
      <h2>Payments</h2>
      {order.payments.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul>
          {order.payments.map((p) => (
            <li key={p.id}>
              {p.provider}: {p.status}, {money(p.amount, p.currencyCode)}
            </li>
          ))}
        </ul>
      )}
      <h2>History</h2>
      <ol className="history">
        {order.history.map((h) => (
          <li key={h.id}>
            {dateTime(h.createdAt)}: {h.from ? `${h.from} → ${h.to}` : h.to}
            {h.note ? ` (${h.note})` : ''}
          </li>
        ))}
      </ol>
    </>
  );
};
