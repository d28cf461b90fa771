import type { EventEnvelope, EventHandlerDeclaration, HandlerContext, SqlRunner } from '@rustok/kernel';
import { recordApplied } from './runtime.js';

const SCHEMA_SLUG = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * A flex schema's entries (flex.entry.*) or the schema itself (flex.schema.*) changed: nothing of
 * the index moves, but the listeners hear `flex:<schema>` once the handler's transaction has
 * committed (the storefront's pages listing the schema's entries are purged). Read by type name
 * only: the index needs nothing of flex for this.
 */
const handleFlexList = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const payload = event.payload as Record<string, unknown> | null;
  const slug = event.type.startsWith('flex.entry.') ? payload?.schema : payload?.slug;
  if (typeof slug !== 'string' || !SCHEMA_SLUG.test(slug)) return;
  const tags = [`flex:${slug}`];
  const tx = ctx.tx as SqlRunner & { afterCommit?: (fn: () => void) => void };
  if (tx.afterCommit) tx.afterCommit(() => recordApplied(ctx.tenantId, event.occurredAt, tags));
  else recordApplied(ctx.tenantId, event.occurredAt, tags);
};

export const flexListHandler: EventHandlerDeclaration = {
  consumer: 'index.flex_lists',
  types: ['flex.entry.*', 'flex.schema.*'],
  handle: handleFlexList,
};
