import type { StoreProduct } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import { catalogMessages } from '../../i18n/catalog.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageOutcome, PageRoute, Params } from '../../page-types.js';
import { currenciesOf } from '../../views/catalog/currency-form.js';
import { ProductView } from '../../views/catalog/product-view.js';
import { customFieldsOf, schemaOf } from './custom-labels.js';
import { pickerVariantsOf, shownCurrencyOf } from './product-model.js';
import { productHead, productTrail } from './product-seo.js';

const HANDLE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A published product by handle in the page's locale; undefined when there is none. */
const productOf = async (ctx: PageContext, handle: string): Promise<StoreProduct | undefined> => {
  if (!HANDLE.test(handle) || handle.length > 200) return undefined;
  const result = await ctx.api.get<StoreProduct>(`/store/products/${handle}`, { locale: ctx.locale });
  if (result.ok) return result.value;
  if (result.status === 404 || result.status === 422) return undefined;
  throw new Error(`product ${handle} failed: ${result.status} ${result.problem.code}`);
};

const loadProduct = async (ctx: PageContext, params: Params): Promise<PageOutcome> => {
  const product = await productOf(ctx, params.handle ?? '');
  if (!product) return { notFound: true };
  const t = messagesFor(catalogMessages, ctx.locale);
  const currency = shownCurrencyOf(ctx, product);
  const custom = Object.keys(product.custom ?? {});
  const fields = await customFieldsOf(ctx, custom);
  return {
    head: productHead(ctx, product, currency),
    // The product's tag is purged when its custom values change (the index hears flex.values.*), a schema's when its labels do.
    tags: [`product:${product.id}`, ...[...new Set(custom.map(schemaOf))].map((schema) => `flex:${schema}`)],
    islands: ['variant-picker'],
    body: (
      <ProductView
        ctx={ctx}
        t={t}
        product={product}
        variants={pickerVariantsOf(ctx, t, product, currency)}
        currency={currency}
        trail={productTrail(ctx, product)}
        currencies={currenciesOf(ctx, product.currencies)}
        customFields={fields}
      />
    ),
  };
};

/** GET /products/:handle: one product, the same for every shopper. */
export const productPage: PageRoute = { path: '/products/:handle', shared: true, load: loadProduct };
