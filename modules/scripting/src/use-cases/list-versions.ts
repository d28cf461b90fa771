import { inTenant, requirePermission } from '@rustok/api';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import type { ScriptVersionList } from '../schemas.js';
import { selectVersions } from '../store/versions.js';
import { scriptRow } from './load.js';

/** Every saved version of a script, newest first. */
export const listVersions = (ctx: ScriptingContext, id: string): Promise<ScriptVersionList> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.read);
  return inTenant(ctx, async (w) => {
    await scriptRow(w.tx, id);
    return { items: await selectVersions(w.tx, id) };
  });
};
