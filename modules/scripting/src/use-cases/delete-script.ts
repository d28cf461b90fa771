import { inTenant, requirePermission } from '@rustok/api';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import { deleteScriptRow } from '../store/scripts.js';
import { deleteCronOf } from '../store/triggers.js';

/** Deletes a script with its versions, triggers, executions and key-value store. */
export const deleteScript = (ctx: ScriptingContext, id: string): Promise<void> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.manage);
  return inTenant(ctx, async (w) => {
    await deleteCronOf(w.tx, id);
    if (!(await deleteScriptRow(w.tx, id))) throw scriptingErrors.SCRIPTING_SCRIPT_NOT_FOUND(`No script ${id}`);
  });
};
