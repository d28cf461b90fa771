import {
  createMetrics,
  databaseCheck,
  errorHandler,
  notFoundHandler,
  registerHealthRoutes,
  registerMetrics,
  registerRequestIds,
  registerSecurityHeaders,
  requestIdOf,
} from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Config, HealthCheck, ModuleRegistry } from '@rustok/kernel';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface ServiceAppOptions {
  readonly config: Config;
  readonly db: Database;
  readonly registry: ModuleRegistry;
  readonly logger: Logger;
  readonly metricsRegistry: Registry;
  /** Checks of the roles this process runs, besides the database's. */
  readonly checks: readonly HealthCheck[];
  readonly roles: readonly string[];
}

/**
 * The HTTP surface of a process without the `api` role: `/health/live`, `/health/ready` (the checks
 * of its roles, and the roles), `/health/modules` and `/metrics`; every other path is a 404 problem.
 */
export const buildServiceApp = async (options: ServiceAppOptions): Promise<FastifyInstance> => {
  const { config, db, registry } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: requestIdOf,
    bodyLimit: config.server.body_limit_bytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.decorate('rustok', { config, db, registry });
  registerRequestIds(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await registerSecurityHeaders(app);
  registerMetrics(app, createMetrics({ poolStats: () => db.stats(), registry: options.metricsRegistry }));
  registerHealthRoutes(app, {
    checks: [databaseCheck(db), ...options.checks],
    modules: registry.modules,
    info: { roles: options.roles },
  });
  return app;
};
