import type { PageRoute } from '../page-types.js';
import { CATALOG_PAGES } from './catalog/index.js';
import { CONTENT_PAGES } from './content/index.js';
import { homePage } from './home.js';
import { SHOP_PAGES } from './shop/index.js';

/** Every page of the storefront (each also under `/:locale`). */
export const PAGES: readonly PageRoute[] = [homePage, ...CATALOG_PAGES, ...SHOP_PAGES, ...CONTENT_PAGES];
