import { inTenant, requirePermission } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import { CreateScriptInput, type Script } from '../schemas.js';
import { countScripts, insertScript, selectScriptByName } from '../store/scripts.js';
import { replaceTriggers } from '../store/triggers.js';
import { insertVersion } from '../store/versions.js';
import { scriptView } from './load.js';
import { codeOf, triggersOf } from './script-code.js';

/** Saves a new script as version 1 (compiled on save: a syntax error is a 422 with its line), with its triggers. */
export const createScript = async (ctx: ScriptingContext, raw: CreateScriptInput): Promise<Script> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.manage);
  const input = parseInput(CreateScriptInput, raw);
  const code = await codeOf({
    description: input.description ?? '',
    language: input.language ?? 'js',
    source: input.source,
    inputSchema: input.inputSchema ?? null,
    outputSchema: input.outputSchema ?? null,
  });
  const triggers = triggersOf(ctx, input.triggers ?? [{ kind: 'manual' }]);
  return inTenant(ctx, async (w) => {
    if (await selectScriptByName(w.tx, input.name))
      throw scriptingErrors.SCRIPTING_NAME_TAKEN(`There is a script named "${input.name}" already`);
    if ((await countScripts(w.tx)) >= ctx.options.max_scripts) {
      throw scriptingErrors.SCRIPTING_TOO_MANY_SCRIPTS(`A tenant has at most ${ctx.options.max_scripts} scripts`);
    }
    const row = await insertScript(w.tx, generateId(), input.name, input.enabled ?? true, code);
    await insertVersion(w.tx, generateId(), row.id, 1, code, ctx.actor.userId);
    await replaceTriggers(w.tx, ctx.tenantId, row.id, triggers);
    return scriptView(w.tx, row);
  });
};
