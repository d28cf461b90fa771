import type { PageRoute } from '../../page-types.js';

/** The catalog pages (each also under `/:locale`). */
export const CATALOG_PAGES: readonly PageRoute[] = [];
