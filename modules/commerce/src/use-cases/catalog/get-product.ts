import { readProduct } from '../../catalog/product-read.js';

import { assertLocales } from '../../catalog/validate.js';

import { type CommerceContext, inTenant } from '../../context.js';
import type { ProductView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings, settingsFirst } from '../../settings.js';

import { publishedOnly, stockShownTo } from './access.js';

/**
 * GET /commerce/products/{id}?locale=: texts in the requested locale, else the default locale,
 * else the base texts. Without commerce.products.read only a published product is found.
 */
export const getProduct = (ctx: CommerceContext, id: string, locale?: string): Promise<ProductView> =>
  inTenant(
    ctx,
    async (w) => {
      const settings = await loadCommerceSettings(w.tx);
      if (locale !== undefined) assertLocales(settings, [locale], '/locale');
      const product = await readProduct(w.tx, id, settings, { locale, publishedOnly: publishedOnly(w.actor) });
      return stockShownTo(w.actor, settings.exposeStock, product);
    },
    settingsFirst,
  );
