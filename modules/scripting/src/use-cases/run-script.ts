import { inTenant, requirePermission } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { sandboxErrors } from '@rustok/sandbox';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import { executeScript, wasRefused } from '../runtime/execute.js';
import { recordOutcome } from '../runtime/record.js';
import { enginesFor } from '../runtime/sandbox.js';
import type { TriggerKind } from '../schemas.js';
import { RunInput, type RunReport } from '../schemas-runs.js';
import type { ScriptRow } from '../store/scripts.js';
import { scriptRow } from './load.js';
import { checkInput, reportOf, scopeOf, toRun } from './run-common.js';

/**
 * Runs an enabled script now with an input document, records the execution and answers the report.
 * A run refused because the tenant has too many running or waiting, or has spent its CPU time for
 * the minute, never started: it is a 429 (SCRIPT_BUSY, SCRIPT_CPU_BUDGET), neither recorded nor
 * counted as the script's failure.
 */
export const runNow = async (ctx: ScriptingContext, row: ScriptRow, trigger: TriggerKind, input: unknown): Promise<RunReport> => {
  if (!row.enabled) throw scriptingErrors.SCRIPTING_SCRIPT_DISABLED(`Script ${row.name} is disabled`);
  checkInput(row, input);
  const scope = scopeOf(ctx, row, false);
  const script = toRun(row);
  const doc = { input, event: null };
  const outcome = await executeScript(scope, enginesFor(ctx.config).sandbox, script, doc);
  if (wasRefused(outcome)) throw sandboxErrors[outcome.result.code](outcome.result.message);
  const executionId = generateId();
  await recordOutcome(scope, script, { executionId, queued: false, trigger, triggerId: null, eventId: null }, doc, outcome);
  return reportOf(outcome, executionId, false);
};

/** POST /scripting/scripts/{id}/run: a manual run with an input document (scripting.scripts.execute). */
export const runScript = async (ctx: ScriptingContext, id: string, raw: RunInput): Promise<RunReport> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.execute);
  const input = parseInput(RunInput, raw);
  const row = await inTenant(ctx, (w) => scriptRow(w.tx, id));
  return runNow(ctx, row, 'manual', input.input ?? null);
};
