import type { FastifyPluginAsync } from 'fastify';

/** Placeholder until the entries routes land. */
export const entryRoutes: FastifyPluginAsync = async () => {};
