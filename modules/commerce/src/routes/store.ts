import type { FastifyPluginAsync } from 'fastify';

export const storeRoutes: FastifyPluginAsync = async () => {};
