import { formatMoney } from '../../i18n/format.js';
import type { ShopText } from '../../i18n/shop.js';

export interface TotalsInput {
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly shippingTotal: number;
  readonly taxTotal: number;
  readonly total: number;
  readonly currencyCode: string;
}

/** Subtotal, discount, shipping, tax and total of a cart or an order (rows of zero left out, but the total). */
export const Totals = ({ locale, t, totals }: { locale: string; t: ShopText; totals: TotalsInput }) => {
  const money = (amount: number) => formatMoney(locale, amount, totals.currencyCode);
  const rows: [string, number, string][] = [
    [t.subtotal, totals.subtotal, 'subtotal'],
    [t.discount, -totals.discountTotal, 'discount'],
    [t.shipping, totals.shippingTotal, 'shipping'],
    [t.tax, totals.taxTotal, 'tax'],
  ];
  return (
    <dl class="totals">
      {rows
        .filter(([, amount, key]) => amount !== 0 || key === 'subtotal')
        .map(([label, amount, key]) => (
          <div data-total={key}>
            <dt>{label}</dt>
            <dd>{amount < 0 ? `−${money(-amount)}` : money(amount)}</dd>
          </div>
        ))}
      <div data-total="total">
        <dt>
          <strong>{t.total}</strong>
        </dt>
        <dd>
          <strong>{money(totals.total)}</strong>
        </dd>
      </div>
    </dl>
  );
};
