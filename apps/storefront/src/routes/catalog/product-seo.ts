import type { StoreProduct, StoreVariant } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import { common } from '../../i18n/common.js';
import { messagesFor } from '../../i18n/messages.js';
import { absoluteUrl, breadcrumbJsonLd, type Crumb } from '../../views/content/breadcrumbs.js';
import type { Head } from '../../views/document.js';
import { priceOf } from './product-model.js';

const DESCRIPTION_LENGTH = 160;

const SCHEMA_AVAILABILITY: Readonly<Record<StoreVariant['availability'], string>> = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/InStock',
  out_of_stock: 'https://schema.org/OutOfStock',
  backorder: 'https://schema.org/BackOrder',
};

/** A price in minor units as schema.org writes it: a decimal string (`1290` USD → `"12.90"`). */
export const decimalPrice = (amount: number, currency: string): string => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
};

/** The first `max` characters of a text, cut at a word and marked with an ellipsis when shortened. */
const excerpt = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
};

export const productPath = (product: StoreProduct): string => `/products/${product.handle}`;

/** Home → Catalog → the product. */
export const productTrail = (ctx: PageContext, product: StoreProduct): Crumb[] => {
  const t = messagesFor(common, ctx.locale);
  return [
    { name: t.home, path: '/' },
    { name: t.catalog, path: '/search' },
    { name: product.title, path: productPath(product) },
  ];
};

/** schema.org Product with an Offer per variant priced in the currency. */
export const productJsonLd = (ctx: PageContext, product: StoreProduct, currency: string): object => {
  const url = absoluteUrl(ctx, productPath(product));
  const offers = product.variants.flatMap((variant) => {
    const price = priceOf(variant, currency);
    if (!price) return [];
    return [
      {
        '@type': 'Offer',
        price: decimalPrice(price.amount, price.currencyCode),
        priceCurrency: price.currencyCode,
        availability: SCHEMA_AVAILABILITY[variant.availability],
        url,
        ...(variant.sku ? { sku: variant.sku } : {}),
        name: variant.title,
      },
    ];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    url,
    ...(product.description ? { description: excerpt(product.description, 5000) } : {}),
    ...(product.images.length > 0 ? { image: product.images.map((image) => image.url) } : {}),
    ...(product.variants[0]?.sku ? { sku: product.variants[0].sku } : {}),
    ...(product.categories[0] ? { category: product.categories[0] } : {}),
    offers,
  };
};

/** The page's head: SEO title and description (else the title and the description's start), Open Graph, JSON-LD. */
export const productHead = (ctx: PageContext, product: StoreProduct, currency: string): Head => ({
  title: product.seoTitle || product.title,
  description: product.seoDescription || (product.description ? excerpt(product.description, DESCRIPTION_LENGTH) : undefined),
  canonicalPath: productPath(product),
  ogType: 'product',
  ogImage: product.images[0]?.url,
  jsonLd: [productJsonLd(ctx, product, currency), breadcrumbJsonLd(ctx, productTrail(ctx, product))],
});
