import type { PoolStats } from '@rustok/db';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  readonly poolStats?: () => PoolStats;
  /** Shared with other layers (events) so one /metrics shows everything. */
  readonly registry?: Registry;
}

/** The registry's counter of that name, made on first use: several parts (or instances in tests) may share one registry. */
export const registeredCounter = (registry: Registry, name: string, help: string, labelNames: string[] = []): Counter<string> => {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({ name, help, labelNames, registers: [registry] });
};

/** A registry per app, so several servers in one process (tests) never share counters. */
export const createMetrics = (options: MetricsOptions = {}) => {
  const registry = options.registry ?? new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rustok_' });
  const httpDuration = new Histogram({
    name: 'rustok_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const poolStats = options.poolStats;
  if (poolStats) {
    new Gauge({
      name: 'rustok_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting, max)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        for (const [state, value] of Object.entries(s)) this.set({ state }, value);
      },
    });
  }
  return { registry, httpDuration };
};

export type Metrics = ReturnType<typeof createMetrics>;

export const registerMetrics = (app: FastifyInstance, metrics: Metrics): void => {
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL, so ids in paths do not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
};
