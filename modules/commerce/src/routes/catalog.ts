import type { FastifyPluginAsync } from 'fastify';
import { inventoryRoutes } from './inventory.js';
import { priceListRoutes } from './price-lists.js';
import { productRoutes } from './products.js';
import { variantRoutes } from './variants.js';

/** The catalog's REST surface: products, variants and their prices, price lists, stock. */
export const catalogRoutes: FastifyPluginAsync = async (app) => {
  await app.register(productRoutes);
  await app.register(variantRoutes);
  await app.register(priceListRoutes);
  await app.register(inventoryRoutes);
};
