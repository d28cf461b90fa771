import type { StoreProduct, StoreVariant } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import type { CatalogTexts } from '../../i18n/catalog.js';
import { formatMoney } from '../../i18n/format.js';
import { fill } from '../../i18n/messages.js';
import type { PickerVariant } from '../../islands/variant-picker.js';

/**
 * The currency a product page shows prices in: the page's when the product is priced in it, else
 * the first the product has (the page then says so).
 */
export const shownCurrencyOf = (ctx: PageContext, product: StoreProduct): string => {
  const priced = product.currencies.length > 0 ? product.currencies : product.variants.flatMap((v) => v.prices.map((p) => p.currencyCode));
  return priced.includes(ctx.currency) ? ctx.currency : (priced[0] ?? ctx.currency);
};

export const priceOf = (variant: StoreVariant, currency: string) => variant.prices.find((price) => price.currencyCode === currency);

/**
 * A variant's name: its title (translated), with the option values it does not already name
 * (`Default (M / red)`); option names are left out, as the catalog does not translate them.
 */
export const variantLabel = (variant: StoreVariant): string => {
  const title = variant.title.toLowerCase();
  const extra = Object.values(variant.options).filter((value) => !title.includes(value.toLowerCase()));
  return extra.length === 0 ? variant.title : `${variant.title} (${extra.join(' / ')})`;
};

/** A variant's stock as the shopper reads it. */
export const stockText = (t: CatalogTexts, variant: StoreVariant): string => {
  switch (variant.availability) {
    case 'out_of_stock':
      return t.soldOut;
    case 'backorder':
      return t.backorder;
    case 'low_stock':
      return variant.available === null ? t.lowStock : fill(t.lowStockCount, { n: variant.available });
    default:
      return variant.inStock ? t.inStock : t.soldOut;
  }
};

/** The picker's variants: label, price in the shown currency, stock; sold out when it cannot be bought. */
export const pickerVariantsOf = (ctx: PageContext, t: CatalogTexts, product: StoreProduct, currency: string): PickerVariant[] =>
  product.variants.map((variant) => {
    const price = priceOf(variant, currency);
    return {
      id: variant.id,
      label: variantLabel(variant),
      price: price ? formatMoney(ctx.locale, price.amount, price.currencyCode) : t.noPrice,
      stock: stockText(t, variant),
      soldOut: !variant.inStock,
    };
  });
