import type { HostFunction, Json, RunFailure, RunLimits, RunResult, Sandbox } from '@rustok/sandbox';
import { type Effects, newEffects, type RunScope } from './effects.js';
import { kvHost } from './host-kv.js';
import { apiHost, emitHost, httpHost } from './host-out.js';
import { schemaErrors } from './json-schema.js';
import { runnableSource } from './prelude.js';

/** The script as a run needs it. */
export interface ScriptToRun {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly compiled: string;
  readonly outputSchema: Record<string, unknown> | null;
}

/** `ctx.input` and `ctx.event` of a run. */
export interface RunDocument {
  readonly input: unknown;
  readonly event: Record<string, unknown> | null;
}

/** How a run went: the sandbox's result (output checked against the declared schema), its effects and its wall time. */
export interface RunOutcome {
  readonly result: RunResult;
  readonly effects: Effects;
  readonly durationMs: number;
}

const checkOutput = (script: ScriptToRun, result: RunResult): RunResult => {
  if (!result.ok) return result;
  const problems = schemaErrors(script.outputSchema, result.output);
  if (problems.length === 0) return result;
  const { output: _output, ...stats } = result;
  return { ...stats, ok: false, code: 'SCRIPT_OUTPUT_INVALID', message: `The output breaks the declared schema: ${problems.join('; ')}` };
};

/** What a kind of run changes: its host functions (validate hooks: none that read or write) and budgets. */
export interface RunOverrides {
  readonly host?: Readonly<Record<string, HostFunction>>;
  readonly limits?: Partial<RunLimits>;
}

/** Runs a script once in the sandbox with the host API of `scope`; nothing is written here (see record.ts). */
export const executeScript = async (
  scope: RunScope,
  sandbox: Sandbox,
  script: ScriptToRun,
  doc: RunDocument,
  overrides: RunOverrides = {},
): Promise<RunOutcome> => {
  const effects = newEffects();
  const limits = scope.options.limits;
  const started = performance.now();
  const result = await sandbox.run({
    key: scope.tenantId,
    source: runnableSource(script.compiled),
    input: { input: (doc.input ?? null) as Json, event: (doc.event ?? null) as Json, tenant: { id: scope.tenantId } },
    host: overrides.host ?? {
      ...kvHost(scope, effects),
      ...emitHost(scope, effects),
      ...apiHost(scope, effects),
      ...httpHost(scope, effects),
    },
    limits: {
      cpuMs: limits.cpu_ms,
      wallMs: limits.wall_ms,
      memoryBytes: limits.memory_bytes,
      stackBytes: limits.stack_bytes,
      maxCalls: limits.max_calls,
      ...overrides.limits,
    },
  });
  return { result: checkOutput(script, result), effects, durationMs: Math.round((performance.now() - started) * 100) / 100 };
};

/** A run the sandbox refused before it started: the tenant had too many running or waiting, or had spent its CPU time for the minute. */
export const wasRefused = (
  outcome: RunOutcome,
): outcome is RunOutcome & { result: RunFailure & { code: 'SCRIPT_BUSY' | 'SCRIPT_CPU_BUDGET' } } =>
  !outcome.result.ok && (outcome.result.code === 'SCRIPT_BUSY' || outcome.result.code === 'SCRIPT_CPU_BUDGET');
