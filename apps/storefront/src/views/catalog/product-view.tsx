import type { StoreProduct } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import type { CatalogTexts } from '../../i18n/catalog.js';
import { fill } from '../../i18n/messages.js';
import { Island } from '../../islands/island.js';
import { type PickerVariant, VariantPicker } from '../../islands/variant-picker.js';
import type { CustomField } from '../../routes/catalog/custom-labels.js';
import { Breadcrumbs, type Crumb } from '../content/breadcrumbs.js';
import { CurrencyForm } from './currency-form.js';
import { CustomValues } from './custom-values.js';
import { Gallery } from './gallery.js';

export interface ProductViewProps {
  readonly ctx: PageContext;
  readonly t: CatalogTexts;
  readonly product: StoreProduct;
  readonly variants: readonly PickerVariant[];
  /** The currency the prices are shown in (the page's, or the product's first when it has no price in it). */
  readonly currency: string;
  readonly trail: readonly Crumb[];
  readonly currencies: readonly string[];
  /** Labels of the product's custom (flex) fields. */
  readonly customFields: ReadonlyMap<string, CustomField>;
}

const Description = ({ text }: { text: string | null }) =>
  text ? (
    <div class="description">
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph) => (
          <p>{paragraph.trim()}</p>
        ))}
    </div>
  ) : null;

/** The add-to-cart form: the variant picker (radios named variantId), the quantity, the button. */
const AddToCart = ({ ctx, t, product, variants }: Omit<ProductViewProps, 'trail' | 'currencies' | 'currency' | 'customFields'>) => {
  const selected = variants.find((variant) => !variant.soldOut)?.id ?? '';
  return (
    <form class="add-to-cart" method="post" action={ctx.href('/cart/items')}>
      <input type="hidden" name="back" value={ctx.href(`/products/${product.handle}`)} />
      <Island name="variant-picker" component={VariantPicker} props={{ legend: t.chooseVariant, variants, selected }} />
      {selected ? null : <p class="stock-out">{t.noneAvailable}</p>}
      <label class="quantity">
        {t.quantity}
        <input type="number" name="quantity" value="1" min="1" max="10000" step="1" inputMode="numeric" required />
      </label>
      <button type="submit" disabled={!selected}>
        {t.addToCart}
      </button>
    </form>
  );
};

/** A product's page: breadcrumbs, gallery, title, price and stock, variant picker and add to cart, description, custom values. */
export const ProductView = ({ ctx, t, product, variants, currency, trail, currencies, customFields }: ProductViewProps) => (
  <>
    <Breadcrumbs ctx={ctx} trail={trail} label={t.breadcrumbs} />
    <article class="product" data-product={product.handle}>
      <Gallery product={product} t={t} />
      <div class="product-info">
        <h1>{product.title}</h1>
        {product.subtitle ? <p class="muted">{product.subtitle}</p> : null}
        {currency === ctx.currency ? null : <p class="notice">{fill(t.otherCurrency, { wanted: ctx.currency, shown: currency })}</p>}
        <AddToCart ctx={ctx} t={t} product={product} variants={variants} />
        <CurrencyForm ctx={ctx} t={t} currencies={currencies} />
        <Description text={product.description} />
        <CustomValues ctx={ctx} values={product.custom} fields={customFields} />
      </div>
    </article>
  </>
);
