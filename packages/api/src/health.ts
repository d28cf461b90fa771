import type { HealthCheck, HealthResult, ModuleDefinition } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';

export interface CheckReport {
  readonly name: string;
  readonly critical: boolean;
  readonly status: HealthResult['status'];
  readonly latencyMs: number;
  readonly reason?: string;
}

export interface ReadinessReport {
  readonly status: 'ok' | 'degraded' | 'unavailable';
  readonly checks: readonly CheckReport[];
  readonly modules: readonly { slug: string; status: HealthResult['status'] }[];
  readonly degradedReasons: readonly string[];
}

const runCheck = async (check: HealthCheck, timeoutMs: number): Promise<CheckReport> => {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'unavailable', reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const result = await Promise.race([
    check.check().catch((error: unknown): HealthResult => ({ status: 'unavailable', reason: (error as Error).message })),
    timeout,
  ]);
  clearTimeout(timer);
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  return {
    name: check.name,
    critical: check.critical,
    status: result.status,
    latencyMs,
    ...(result.reason ? { reason: result.reason } : {}),
  };
};

const moduleChecks = (mod: ModuleDefinition): HealthCheck[] =>
  (mod.health ?? []).map((c) => ({ ...c, name: `module:${mod.slug}:${c.name}` }));

const worst = (statuses: readonly HealthResult['status'][]): HealthResult['status'] =>
  statuses.includes('unavailable') ? 'unavailable' : statuses.includes('degraded') ? 'degraded' : 'ok';

/**
 * Readiness: all checks run in parallel, each bounded in time. A failing critical check makes the
 * instance unavailable (503); a failing non-critical one only degrades it (200, with the reason).
 */
const readiness = async (
  platformChecks: readonly HealthCheck[],
  modules: readonly ModuleDefinition[],
  timeoutMs = 2_000,
): Promise<ReadinessReport> => {
  const all = [...platformChecks, ...modules.flatMap(moduleChecks)];
  const checks = await Promise.all(all.map((c) => runCheck(c, timeoutMs)));
  const failedCritical = checks.some((c) => c.critical && c.status === 'unavailable');
  const degradedReasons = checks.filter((c) => c.status !== 'ok').map((c) => `${c.name}: ${c.reason ?? c.status}`);
  const moduleStatus = modules.map((m) => ({
    slug: m.slug,
    status: worst(checks.filter((c) => c.name.startsWith(`module:${m.slug}:`)).map((c) => c.status)),
  }));
  const status = failedCritical ? 'unavailable' : degradedReasons.length > 0 ? 'degraded' : 'ok';
  return { status, checks, modules: moduleStatus, degradedReasons };
};

export interface HealthRoutesOptions {
  readonly checks: readonly HealthCheck[];
  readonly modules: readonly ModuleDefinition[];
  readonly timeoutMs?: number;
  /** Fields added to the readiness report (e.g. the process's `roles`). */
  readonly info?: Readonly<Record<string, unknown>>;
}

export const registerHealthRoutes = (app: FastifyInstance, options: HealthRoutesOptions): void => {
  const hide = { schema: { hide: true } } as const;
  app.get('/health/live', hide, async () => ({ status: 'ok' }));
  app.get('/health/ready', hide, async (_request, reply) => {
    const report = await readiness(options.checks, options.modules, options.timeoutMs);
    return reply.status(report.status === 'unavailable' ? 503 : 200).send({ ...options.info, ...report });
  });
  app.get('/health/modules', hide, async () => {
    const report = await readiness([], options.modules, options.timeoutMs);
    return {
      modules: options.modules.map((m) => ({
        slug: m.slug,
        kind: m.kind,
        version: m.version,
        status: report.modules.find((r) => r.slug === m.slug)?.status ?? 'ok',
        checks: report.checks.filter((c) => c.name.startsWith(`module:${m.slug}:`)),
      })),
    };
  });
};
