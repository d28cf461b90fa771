export { type ApiRequest, type ApiResponse, type ApiTransport, httpTransport, injectTransport } from './api/transport.js';
export { BUILT_ASSETS_DIR, loadAssets, writeAssets } from './assets.js';
export { type CachedPage, createPageCache, type PageCache, type PageCacheOptions } from './cache/page-cache.js';
export type { StorefrontOptions } from './runtime.js';
export { buildStandalone, type StandaloneOptions } from './standalone.js';
export { createStorefront, type Storefront } from './storefront.js';
