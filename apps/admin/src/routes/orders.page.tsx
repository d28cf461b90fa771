import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { ORDER_STATUSES, type OrderStatus, ordersQuery } from '../api/orders.js';
import { ErrorNotice } from '../components/error-notice.js';
import { dateTime, money } from '../format.js';

/** Orders, newest first, filtered by status (kept in the address, so a filtered list can be shared). */
export const Orders = () => {
  const { status } = getRouteApi('/app/orders').useSearch();
  const navigate = useNavigate({ from: '/orders' });
  const list = useQuery(ordersQuery(status));
  return (
    <>
      <div className="row heading-row">
        <h1>Orders</h1>
        <div className="field">
          <label htmlFor="order-status">Status</label>
          <select
            id="order-status"
            value={status ?? ''}
            onChange={(e) => navigate({ search: e.target.value ? { status: e.target.value as OrderStatus } : {} })}
          >
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p>No orders{status ? ` with status ${status}` : ''}.</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
              <th scope="col">Placed</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to="/orders/$id" params={{ id: o.id }}>
                    #{o.displayId}
                  </Link>
                </td>
                <td>{o.email}</td>
                <td>{o.status}</td>
                <td>{money(o.total, o.currencyCode)}</td>
                <td>{dateTime(o.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
};
