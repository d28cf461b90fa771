import type { PageRoute } from '../../page-types.js';

/** The shop pages (each also under `/:locale`). */
export const SHOP_PAGES: readonly PageRoute[] = [];
