import { inTenant } from '@rustok/api';
import { type Json, type SandboxFailureCode, sandboxErrors } from '@rustok/sandbox';
import type { ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import { selectScriptByName } from '../store/scripts.js';
import { hasTrigger } from '../store/triggers.js';
import { runNow } from './run-script.js';

/**
 * POST /hooks/{script}: runs the tenant's script that has an `http` trigger with the request body
 * as its input (checked against the declared input schema). A script without one is not found.
 * Answers the script's output (checked against its output schema); a failed run is its sandbox
 * code (422, or 429 when the tenant has too many runs). The endpoint is public: the script decides.
 */
export const runHook = async (ctx: ScriptingContext, name: string, body: unknown): Promise<Json> => {
  const row = await inTenant(ctx, async (w) => {
    const found = await selectScriptByName(w.tx, name);
    return found && (await hasTrigger(w.tx, found.id, 'http')) ? found : undefined;
  });
  if (!row) throw scriptingErrors.SCRIPTING_SCRIPT_NOT_FOUND(`No script ${name} with an http trigger`);
  const report = await runNow(ctx, row, 'http', body ?? null);
  if (!report.ok) throw sandboxErrors[report.errorCode as SandboxFailureCode](report.errorMessage ?? 'The script failed');
  return report.output as Json;
};
