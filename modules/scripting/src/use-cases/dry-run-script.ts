import { inTenant, requirePermission } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import { compileScript } from '../runtime/compile.js';
import { executeScript } from '../runtime/execute.js';
import { enginesFor } from '../runtime/sandbox.js';
import { RunInput, type RunReport } from '../schemas-runs.js';
import type { ScriptRow } from '../store/scripts.js';
import { scriptRow } from './load.js';
import { checkInput, reportOf, scopeOf, toRun } from './run-common.js';

/** The saved script, or unsaved source given with the dry run, compiled. */
const codeToTry = async (row: ScriptRow, input: RunInput): Promise<ScriptRow> => {
  if (input.source === undefined) return row;
  const compiled = await compileScript(input.language ?? row.language, input.source);
  if (!compiled.ok) {
    throw scriptingErrors.SCRIPTING_COMPILE_FAILED(`Line ${compiled.line}, column ${compiled.column}: ${compiled.message}`, {
      meta: { line: compiled.line, column: compiled.column },
    });
  }
  return { ...row, compiled: compiled.code, hash: compiled.hash };
};

/**
 * A dry run: the script (or a draft of it) against a given input and event with no side effect —
 * kv writes stay in memory, events, writes through ctx.api and requests are recorded, not made,
 * nothing is logged or counted — answering the budget figures, the calls and the log.
 */
export const dryRunScript = async (ctx: ScriptingContext, id: string, raw: RunInput): Promise<RunReport> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.execute);
  const input = parseInput(RunInput, raw);
  const row = await codeToTry(await inTenant(ctx, (w) => scriptRow(w.tx, id)), input);
  checkInput(row, input.input ?? null);
  const outcome = await executeScript(scopeOf(ctx, row, true), enginesFor(ctx.config).sandbox, toRun(row), {
    input: input.input ?? null,
    event: input.event ?? null,
  });
  return reportOf(outcome, null, true);
};
