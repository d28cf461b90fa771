import type { FastifyInstance } from 'fastify';
import type { StoreRuntime } from '../../runtime.js';

/** Routes that are not HTML pages (sitemap.xml, robots.txt, …), registered with the pages. */
export const registerSeoRoutes = (_app: FastifyInstance, _runtime: StoreRuntime): void => {};
