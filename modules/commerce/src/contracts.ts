/**
 * The public entry of the commerce module for other modules (index, storefront): event types and
 * payloads, the read of a product for read models, and product reads and tag writes through the
 * catalog's use-cases (with their permission checks and events) for modules acting for an actor,
 * and the product-write check port a module may back (scripting's validate hooks).
 */

export { existingProductIds, productPublished } from './catalog/product-ids.js';
export type { VariantForSale } from './catalog/variant-read.js';
export { loadVariantsForSale } from './catalog/variant-read.js';
export { type CatalogProduct, readCatalogProduct, setCatalogProductTags } from './catalog-port.js';
export type {
  InventoryEventPayload,
  OrderPlacedPayload,
  OrderStatusChangedPayload,
  PriceEventPayload,
  ProductEventPayload,
  VariantEventPayload,
} from './events.js';
export { COMMERCE_EVENT } from './events.js';
export type { ProductImageSize, ProductIndexImage } from './index-images.js';
export type { ProductIndexSource, ProductIndexText, ProductPriceRange } from './index-source.js';
export {
  catalogInstalled,
  countProductsForIndex,
  listProductIdsForIndex,
  loadProductIndexSource,
  loadProductIndexSources,
} from './index-source.js';
export type { ProductIndexVariant, ProductIndexVariantPrice, ProductIndexVariantTitle } from './index-variants.js';
export { loadOrderForMail, type OrderForMail } from './orders-read/order-for-mail.js';
export type { StockDisplay } from './settings.js';
export { loadStockDisplay } from './settings.js';
export { PRODUCT_WRITES, type ProductWrite, type ProductWriteChecks, type ProductWriteName } from './write-checks.js';
