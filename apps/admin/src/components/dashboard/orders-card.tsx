import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { commerceStatsQuery, type OrderWindow, recentOrdersQuery } from '../../api/dashboard.js';
import { useFormat } from '../../i18n/format.js';
import { defineMessages, plural, useMessages } from '../../i18n/messages.js';
import { Card, Pending } from './card.js';

const messages = defineMessages({
  en: {
    title: 'Orders',
    loading: 'Loading orders…',
    period: 'Period',
    orders: 'Orders',
    revenue: 'Revenue (paid and later)',
    today: 'Today (UTC)',
    last7Days: 'Last 7 days (UTC)',
    noRevenue: 'none yet',
    recent: 'Recent orders',
    noOrders: 'No orders yet.',
    count: (n: number) => plural('en', n, { one: '# order', other: '# orders' }),
  },
  ru: {
    title: 'Заказы',
    loading: 'Загружаем заказы…',
    period: 'Период',
    orders: 'Заказы',
    revenue: 'Выручка (оплаченные и далее)',
    today: 'Сегодня (UTC)',
    last7Days: 'Последние 7 дней (UTC)',
    noRevenue: 'пока нет',
    recent: 'Последние заказы',
    noOrders: 'Заказов пока нет.',
    count: (n: number) => plural('ru', n, { one: '# заказ', few: '# заказа', many: '# заказов', other: '# заказа' }),
  },
});

const WindowRow = ({ label, figures }: { readonly label: string; readonly figures: OrderWindow }) => {
  const t = useMessages(messages);
  const f = useFormat();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{t.count(figures.count)}</td>
      <td>{figures.revenue.length === 0 ? t.noRevenue : figures.revenue.map((r) => f.money(r.amount, r.currencyCode)).join(', ')}</td>
    </tr>
  );
};

const RecentOrders = () => {
  const t = useMessages(messages);
  const f = useFormat();
  const recent = useQuery(recentOrdersQuery);
  if (!recent.data) return <Pending error={recent.error} loading={recent.isPending} text={t.loading} />;
  if (recent.data.items.length === 0) return <p>{t.noOrders}</p>;
  return (
    <ul className="recent-orders">
      {recent.data.items.map((o) => (
        <li key={o.id}>
          <Link to="/orders/$id" params={{ id: o.id }}>
            #{o.displayId}
          </Link>{' '}
          {o.email} · {o.status} · {f.money(o.total, o.currencyCode)} · {f.dateTime(o.createdAt)}
        </li>
      ))}
    </ul>
  );
};

/** Orders placed and money taken today and over the last seven UTC days, and the newest orders. */
export const OrdersCard = () => {
  const t = useMessages(messages);
  const stats = useQuery(commerceStatsQuery);
  const orders = stats.data?.orders;
  return (
    <Card id="dashboard-orders" title={t.title}>
      {orders ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.orders}</th>
              <th scope="col">{t.revenue}</th>
            </tr>
          </thead>
          <tbody>
            <WindowRow label={t.today} figures={orders.today} />
            <WindowRow label={t.last7Days} figures={orders.last7Days} />
          </tbody>
        </table>
      ) : (
        <Pending error={stats.error} loading={stats.isPending} text={t.loading} />
      )}
      <h3>{t.recent}</h3>
      <RecentOrders />
    </Card>
  );
};
