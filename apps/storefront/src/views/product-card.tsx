import type { StoreProductSummary } from '@rustok/index/contracts';
import type { PageContext } from '../context.js';
import { formatMoney } from '../i18n/format.js';
import { ResponsiveImage } from './responsive-image.js';

/** The price a list shows: the cheapest variant's in the page's currency ("from" when variants differ). */
export const priceLabel = (ctx: PageContext, product: StoreProductSummary): string | undefined => {
  const price = product.priceFrom.find((p) => p.currencyCode === ctx.currency);
  return price ? formatMoney(ctx.locale, price.amount, price.currencyCode) : undefined;
};

/** How wide a card's image is laid out: a column of the grid (about 14–20rem), the whole width on a phone. */
export const CARD_SIZES = '(max-width: 32rem) 100vw, 20rem';
const CARD_BOX = { width: 320, height: 240 };
/** The cards a wide screen shows in its first row: their images load at once, the rest lazily. */
export const FIRST_ROW = 4;

/**
 * A product in a grid: its first image (the stored list item's), title, price, stock, linking to its
 * page. `eager` for the cards of the first row (above the fold); the others load lazily.
 */
export const ProductCard = ({
  ctx,
  product,
  soldOut,
  eager = false,
}: {
  ctx: PageContext;
  product: StoreProductSummary;
  soldOut: string;
  eager?: boolean;
}) => {
  const price = priceLabel(ctx, product);
  return (
    <li class="card" data-product={product.handle}>
      <a href={ctx.href(`/products/${product.handle}`)}>
        {product.image ? (
          <ResponsiveImage
            class="thumb"
            image={product.image}
            alt={product.image.alt ?? ''}
            sizes={CARD_SIZES}
            box={CARD_BOX}
            eager={eager}
          />
        ) : (
          <div class="thumb" role="presentation" />
        )}
        <h3>{product.title}</h3>
      </a>
      {product.subtitle ? <p class="muted">{product.subtitle}</p> : null}
      {price ? <p class="price">{price}</p> : null}
      {product.inStock ? null : <p class="stock-out">{soldOut}</p>}
    </li>
  );
};
