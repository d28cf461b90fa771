import { inTenant, requirePermission } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { SCRIPTING_PERMISSION, type ScriptingContext } from '../context.js';
import { PageQuery, type ScriptList } from '../schemas.js';
import { selectScripts, summaryOf } from '../store/scripts.js';
import { triggersOf } from '../store/triggers.js';

/** The tenant's scripts, oldest first, a page at a time. */
export const listScripts = (ctx: ScriptingContext, raw: PageQuery): Promise<ScriptList> => {
  requirePermission(ctx.actor, SCRIPTING_PERMISSION.read);
  const { limit = 50, cursor } = parseInput(PageQuery, raw);
  return inTenant(ctx, async (w) => {
    const rows = await selectScripts(w.tx, limit + 1, cursor);
    const page = rows.slice(0, limit);
    const triggers = await triggersOf(
      w.tx,
      page.map((r) => r.id),
    );
    const items = page.map((r) => summaryOf(r, triggers.get(r.id) ?? []));
    return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
  });
};
