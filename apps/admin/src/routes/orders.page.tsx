import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { ORDER_STATUSES, type OrderFilter, type OrderStatus, type OrderSummary, ordersQuery } from '../api/orders.js';
import { ErrorNotice } from '../components/error-notice.js';
import { OrderSearch } from '../components/order-search.js';
import { useStatusName } from '../components/order-statuses.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Orders',
    status: 'Status',
    all: 'All',
    order: 'Order',
    customer: 'Customer',
    total: 'Total',
    placed: 'Placed',
    none: 'No orders.',
    noneWithStatus: (status: string) => `No orders with status ${status}.`,
    noneFound: (q: string) => `No orders match “${q}”.`,
  },
  ru: {
    title: 'Заказы',
    status: 'Статус',
    all: 'Все',
    order: 'Заказ',
    customer: 'Покупатель',
    total: 'Сумма',
    placed: 'Оформлен',
    none: 'Заказов нет.',
    noneWithStatus: (status: string) => `Заказов со статусом «${status}» нет.`,
    noneFound: (q: string) => `По запросу «${q}» заказов не найдено.`,
  },
});

const OrderRows = ({ items }: { readonly items: readonly OrderSummary[] }) => {
  const t = useMessages(messages);
  const { money, dateTime } = useFormat();
  const statusName = useStatusName();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.order}</th>
          <th scope="col">{t.customer}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.total}</th>
          <th scope="col">{t.placed}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to="/orders/$id" params={{ id: o.id }}>
                #{o.displayId}
              </Link>
            </td>
            <td>{o.email}</td>
            <td>{statusName(o.status)}</td>
            <td>{money(o.total, o.currencyCode)}</td>
            <td>{dateTime(o.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** Orders, newest first, filtered by status and searched by number or e-mail (both kept in the address, so a list can be shared). */
export const Orders = () => {
  const t = useMessages(messages);
  const statusName = useStatusName();
  const filter = getRouteApi('/app/orders').useSearch();
  const navigate = useNavigate({ from: '/orders' });
  const list = useQuery(ordersQuery(filter));
  const show = (next: OrderFilter) =>
    navigate({ search: { ...(next.status ? { status: next.status } : {}), ...(next.q ? { q: next.q } : {}) } });
  const empty = filter.q ? t.noneFound(filter.q) : filter.status ? t.noneWithStatus(statusName(filter.status)) : t.none;
  return (
    <>
      <div className="row heading-row">
        <h1>{t.title}</h1>
        <div className="field">
          <label htmlFor="order-status">{t.status}</label>
          <select
            id="order-status"
            value={filter.status ?? ''}
            onChange={(e) => show({ ...filter, status: (e.target.value || undefined) as OrderStatus | undefined })}
          >
            <option value="">{t.all}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <OrderSearch q={filter.q} onSearch={(q) => show({ ...filter, q })} />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p>{empty}</p> : null}
      {list.data && list.data.items.length > 0 ? <OrderRows items={list.data.items} /> : null}
    </>
  );
};
