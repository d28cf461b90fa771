import { inTenant, requirePermission } from '@rustok/api';
import { generateId } from '@rustok/kernel';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import type { Script } from '../schemas.js';
import { type ScriptRow, updateScriptCode } from '../store/scripts.js';
import { insertVersion, selectVersionCode } from '../store/versions.js';
import { scriptRow, scriptView } from './load.js';

/** Makes an old version current again, as a new version (history is never rewritten). */
export const rollbackScript = (ctx: ScriptingContext, id: string, version: number): Promise<Script> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.manage);
  return inTenant(ctx, async (w) => {
    await scriptRow(w.tx, id, true);
    const code = await selectVersionCode(w.tx, id, version);
    if (!code) throw scriptingErrors.SCRIPTING_VERSION_NOT_FOUND(`Script ${id} has no version ${version}`);
    const row = (await updateScriptCode(w.tx, id, code)) as ScriptRow;
    await insertVersion(w.tx, generateId(), id, row.version, code, ctx.actor.userId);
    return scriptView(w.tx, row);
  });
};
