import type { PageContext } from '../../context.js';
import type { CatalogTexts } from '../../i18n/catalog.js';

/** The currencies to offer: the ones the shown products are priced in, with the page's own. */
export const currenciesOf = (ctx: PageContext, codes: Iterable<string>): string[] =>
  [...new Set([ctx.currency, ...codes])].filter((code) => /^[A-Z]{3}$/.test(code)).sort();

/** The page's address with its query, for the chooser to come back to. */
export const backOf = (ctx: PageContext): string => {
  const query = ctx.query.toString();
  return `${ctx.href(ctx.path)}${query ? `?${query}` : ''}`;
};

/** A small POST form choosing the currency prices are shown in (a cookie), back to this page after. */
export const CurrencyForm = ({ ctx, t, currencies }: { ctx: PageContext; t: CatalogTexts; currencies: readonly string[] }) =>
  currencies.length < 2 ? null : (
    <form class="currency-form" method="post" action={ctx.href('/currency')}>
      <input type="hidden" name="back" value={backOf(ctx)} />
      <label>
        {t.currency}{' '}
        <select name="currency">
          {currencies.map((code) => (
            <option value={code} selected={code === ctx.currency}>
              {code}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" class="secondary">
        {t.changeCurrency}
      </button>
    </form>
  );
