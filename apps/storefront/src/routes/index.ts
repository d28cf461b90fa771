import type { PageRoute } from '../page-route.js';
import { homePage } from './home.js';

/** Every page of the storefront (each also under `/:locale`). */
export const PAGES: readonly PageRoute[] = [homePage];
