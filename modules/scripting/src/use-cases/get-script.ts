import { inTenant, requirePermission } from '@rustok/api';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import type { Script } from '../schemas.js';
import { scriptRow, scriptView } from './load.js';

/** One script of the tenant with its source, schemas and triggers. */
export const getScript = (ctx: ScriptingContext, id: string): Promise<Script> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.read);
  return inTenant(ctx, async (w) => scriptView(w.tx, await scriptRow(w.tx, id)));
};
