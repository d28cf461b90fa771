import { Counter, type Registry } from 'prom-client';

/** Script runs per tenant and outcome, and the CPU they used, on /metrics. */
const runs = new Counter({
  name: 'rustok_scripting_runs_total',
  help: 'Script runs by tenant and outcome (succeeded, failed)',
  labelNames: ['tenant', 'status'] as const,
  registers: [],
});
const cpu = new Counter({
  name: 'rustok_scripting_cpu_ms_total',
  help: 'CPU time spent inside scripts, by tenant, in milliseconds',
  labelNames: ['tenant'] as const,
  registers: [],
});

/** Adds the scripting metrics to an app's registry (once). */
export const registerScriptingMetrics = (registry: Registry): void => {
  if (registry.getSingleMetric('rustok_scripting_runs_total')) return;
  registry.registerMetric(runs);
  registry.registerMetric(cpu);
};

/** Counts one run (dry runs are not counted). */
export const countRun = (tenantId: string, ok: boolean, cpuMs: number): void => {
  runs.inc({ tenant: tenantId, status: ok ? 'succeeded' : 'failed' });
  cpu.inc({ tenant: tenantId }, Math.max(0, cpuMs));
};
