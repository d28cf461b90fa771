import type { StoreProductSummary } from '@rustok/index/contracts';
import type { PageContext } from '../context.js';
import { formatMoney } from '../i18n/format.js';

/** The price a list shows: the cheapest variant's in the page's currency ("from" when variants differ). */
export const priceLabel = (ctx: PageContext, product: StoreProductSummary): string | undefined => {
  const price = product.priceFrom.find((p) => p.currencyCode === ctx.currency);
  return price ? formatMoney(ctx.locale, price.amount, price.currencyCode) : undefined;
};

/** A product in a grid: title, price, stock, linking to its page. */
export const ProductCard = ({ ctx, product, soldOut }: { ctx: PageContext; product: StoreProductSummary; soldOut: string }) => {
  const price = priceLabel(ctx, product);
  return (
    <li class="card" data-product={product.handle}>
      <a href={ctx.href(`/products/${product.handle}`)}>
        <div class="thumb" role="presentation" />
        <h3>{product.title}</h3>
      </a>
      {product.subtitle ? <p class="muted">{product.subtitle}</p> : null}
      {price ? <p class="price">{price}</p> : null}
      {product.inStock ? null : <p class="stock-out">{soldOut}</p>}
    </li>
  );
};
