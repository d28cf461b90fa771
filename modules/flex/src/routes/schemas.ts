import type { FastifyPluginAsync } from 'fastify';

/** Placeholder until the schemas routes land. */
export const schemaRoutes: FastifyPluginAsync = async () => {};
