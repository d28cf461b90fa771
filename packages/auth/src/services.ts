import type { AuthContext } from './context.js';

/** Everything but the tenant: the server decorates the app with it, each request adds its tenant. */
export type AuthServices = Omit<AuthContext, 'tenantId'>;

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthServices;
  }
}
