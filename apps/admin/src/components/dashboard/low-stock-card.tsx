import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { commerceStatsQuery, LOW_STOCK_THRESHOLD } from '../../api/dashboard.js';
import { useFormat } from '../../i18n/format.js';
import { defineMessages, useMessages } from '../../i18n/messages.js';
import { Card, Pending } from './card.js';

const messages = defineMessages({
  en: {
    title: 'Low stock',
    loading: 'Loading stock…',
    threshold: (n: number) => `Tracked variants with ${n} or fewer in stock, lowest first.`,
    none: 'Nothing is low on stock.',
    product: 'Product',
    sku: 'SKU',
    stock: 'In stock',
    noSku: '—',
  },
  ru: {
    title: 'Заканчиваются',
    loading: 'Загружаем остатки…',
    threshold: (n: number) => `Варианты с учётом остатка, где на складе ${n} или меньше; сначала самые малые.`,
    none: 'Ничего не заканчивается.',
    product: 'Товар',
    sku: 'Артикул',
    stock: 'На складе',
    noSku: '—',
  },
});

/** Variants at or below the stock threshold, each with a link to its product. */
export const LowStockCard = () => {
  const t = useMessages(messages);
  const f = useFormat();
  const stats = useQuery(commerceStatsQuery);
  const low = stats.data?.lowStock;
  return (
    <Card id="dashboard-low-stock" title={t.title}>
      <p className="hint">{t.threshold(LOW_STOCK_THRESHOLD)}</p>
      {!low ? <Pending error={stats.error} loading={stats.isPending} text={t.loading} /> : null}
      {low && low.length === 0 ? <p>{t.none}</p> : null}
      {low && low.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.product}</th>
              <th scope="col">{t.sku}</th>
              <th scope="col">{t.stock}</th>
            </tr>
          </thead>
          <tbody>
            {low.map((v) => (
              <tr key={v.variantId}>
                <td>
                  <Link to="/products/$id" params={{ id: v.productId }}>
                    {v.productTitle} — {v.variantTitle}
                  </Link>
                </td>
                <td>{v.sku ?? t.noSku}</td>
                <td>{f.number(v.available)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
};
