import type { PageRoute } from '../../page-types.js';
import { currencyRoute } from './currency.js';
import { productPage } from './product.js';
import { searchPage } from './search.js';

/** The catalog pages (each also under `/:locale`). */
export const CATALOG_PAGES: readonly PageRoute[] = [searchPage, productPage, currencyRoute];
