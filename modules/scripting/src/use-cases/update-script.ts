import { inTenant, requirePermission } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { type Script, UpdateScriptInput } from '../schemas.js';
import { type ScriptRow, updateScriptCode } from '../store/scripts.js';
import { replaceTriggers } from '../store/triggers.js';
import { insertVersion } from '../store/versions.js';
import { scriptRow, scriptView } from './load.js';
import { codeOf, triggersOf } from './script-code.js';

const codeChanged = (input: UpdateScriptInput): boolean =>
  ['description', 'language', 'source', 'inputSchema', 'outputSchema'].some((k) => k in input);

/** The saved code with the update's fields over it. */
const mergedCode = (row: ScriptRow, input: UpdateScriptInput) => ({
  description: input.description ?? row.description,
  language: input.language ?? row.language,
  source: input.source ?? row.source,
  inputSchema: input.inputSchema === undefined ? row.input_schema : input.inputSchema,
  outputSchema: input.outputSchema === undefined ? row.output_schema : input.outputSchema,
});

/** Saves new code (compiled again: a new version) and/or replaces the triggers. */
export const updateScript = async (ctx: ScriptingContext, id: string, raw: UpdateScriptInput): Promise<Script> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.manage);
  const input = parseInput(UpdateScriptInput, raw);
  const triggers = input.triggers === undefined ? undefined : triggersOf(ctx, input.triggers);
  const current = await inTenant(ctx, (w) => scriptRow(w.tx, id));
  const code = codeChanged(input) ? await codeOf(mergedCode(current, input)) : undefined;
  return inTenant(ctx, async (w) => {
    let row = await scriptRow(w.tx, id, true);
    if (code) {
      row = (await updateScriptCode(w.tx, id, code)) as ScriptRow;
      await insertVersion(w.tx, generateId(), id, row.version, code, ctx.actor.userId);
    }
    if (triggers) await replaceTriggers(w.tx, ctx.tenantId, id, triggers);
    return scriptView(w.tx, row);
  });
};
