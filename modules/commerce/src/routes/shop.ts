import type { FastifyPluginAsync } from 'fastify';

export const shopRoutes: FastifyPluginAsync = async () => {};
