import { inTenant, requirePermission } from '@rustok/api';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import type { Script } from '../schemas.js';
import { type ScriptRow, setScriptEnabled } from '../store/scripts.js';
import { scriptRow, scriptView } from './load.js';

/** Turns a script off: no trigger runs it (a dry run still does). */
export const disableScript = (ctx: ScriptingContext, id: string): Promise<Script> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.manage);
  return inTenant(ctx, async (w) => {
    await scriptRow(w.tx, id);
    return scriptView(w.tx, (await setScriptEnabled(w.tx, id, false, null)) as ScriptRow);
  });
};
