import { inTenant, requirePermission } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { PageQuery } from '../schemas.js';
import type { ExecutionList } from '../schemas-runs.js';
import { selectExecutions } from '../store/executions.js';
import { scriptRow } from './load.js';

/** A script's executions, newest first: status, duration, CPU, memory, calls, error, log. */
export const listExecutions = (ctx: ScriptingContext, id: string, raw: PageQuery): Promise<ExecutionList> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.read);
  const { limit = 20, cursor } = parseInput(PageQuery, raw);
  return inTenant(ctx, async (w) => {
    await scriptRow(w.tx, id);
    return selectExecutions(w.tx, id, limit, cursor);
  });
};
