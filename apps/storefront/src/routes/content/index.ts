import type { PageRoute } from '../../page-types.js';

/** The content pages (each also under `/:locale`). */
export const CONTENT_PAGES: readonly PageRoute[] = [];
