import { inTenant, requirePermission } from '@rustok/api';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import type { Script } from '../schemas.js';
import { type ScriptRow, setScriptEnabled } from '../store/scripts.js';
import { scriptRow, scriptView } from './load.js';

/** Turns a script on again; its count of failures in a row starts from zero. */
export const enableScript = (ctx: ScriptingContext, id: string): Promise<Script> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.manage);
  return inTenant(ctx, async (w) => {
    await scriptRow(w.tx, id);
    return scriptView(w.tx, (await setScriptEnabled(w.tx, id, true, null)) as ScriptRow);
  });
};
