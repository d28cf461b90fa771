import type { ModuleContext } from '@rustok/api';
import type { Config } from '@rustok/kernel';
import { scriptingErrors } from '../errors.js';
import type { ScriptingOptions } from '../options.js';
import type { RunScope } from '../runtime/effects.js';
import type { RunOutcome, ScriptToRun } from '../runtime/execute.js';
import { schemaErrors } from '../runtime/json-schema.js';
import { enginesFor } from '../runtime/sandbox.js';
import type { RunReport } from '../schemas-runs.js';
import type { ScriptRow } from '../store/scripts.js';

/** The run scope of a script for a context (the process's sandbox and outbound client). */
export const scopeOf = (
  ctx: Pick<ModuleContext, 'db' | 'events' | 'tenantId'> & { readonly config: Config; readonly options: ScriptingOptions },
  script: Pick<ScriptRow, 'id' | 'name'>,
  dry: boolean,
): RunScope => ({
  db: ctx.db,
  events: ctx.events,
  tenantId: ctx.tenantId,
  scriptId: script.id,
  scriptName: script.name,
  options: ctx.options,
  outbound: enginesFor(ctx.config).outbound,
  dry,
});

export const toRun = (row: ScriptRow): ScriptToRun => ({
  id: row.id,
  name: row.name,
  version: row.version,
  compiled: row.compiled,
  outputSchema: row.output_schema,
});

/** A run's input must meet the script's declared input schema (422 listing the problems). */
export const checkInput = (row: Pick<ScriptRow, 'input_schema'>, input: unknown): void => {
  const problems = schemaErrors(row.input_schema, input);
  if (problems.length > 0) {
    throw scriptingErrors.SCRIPTING_INPUT_INVALID(`The input breaks the script's schema: ${problems.join('; ')}`, {
      errors: problems.map((message) => ({ path: '/input', message })),
    });
  }
};

/** What a run answers: its outcome, the budget figures and what it called. */
export const reportOf = (outcome: RunOutcome, executionId: string | null, dry: boolean): RunReport => {
  const r = outcome.result;
  return {
    executionId,
    dryRun: dry,
    ok: r.ok,
    output: r.ok ? r.output : null,
    errorCode: r.ok ? null : r.code,
    errorMessage: r.ok ? null : r.message,
    errorLine: r.ok ? null : (r.line ?? null),
    durationMs: outcome.durationMs,
    cpuMs: r.cpuMs,
    memoryBytes: r.memoryBytes,
    calls: r.calls,
    recordedCalls: outcome.effects.recorded,
    log: [...r.log],
    logTruncated: r.logTruncated,
  };
};
