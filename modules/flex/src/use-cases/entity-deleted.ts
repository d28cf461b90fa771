import { COMMERCE_EVENT } from '@rustok/commerce/contracts';
import { NODE_EVENT } from '@rustok/content/contracts';
import type { EventEnvelope, EventHandlerDeclaration, HandlerContext } from '@rustok/kernel';
import type { AttachedTarget } from '../schemas-attached.js';
import { isUuid } from '../store/entries.js';
import { deleteEntitiesValues, deleteOrphanNodeValues, type GoneValues } from '../store/values.js';
import { publishValuesDeleted } from './attached-checks.js';

/**
 * An entity's values go with it: flex handles the deleted events of the modules it attaches to (the
 * owning module knows nothing of flex). Each fieldset removed publishes `flex.values.deleted` in the
 * handler's transaction; a redelivered event finds nothing left and publishes nothing. Auth publishes
 * no event when a user is deleted, so users' values are removed only with their schema.
 */

/** The UUID at `key` of another module's payload (read defensively: only the id is needed). */
const idOf = (payload: unknown, key: string): string | undefined => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && isUuid(value) ? value.toLowerCase() : undefined;
};

/** Publishing in the handler's transaction (the platform's dispatcher gives it). */
const publisherOf = (ctx: HandlerContext) => ({
  publishAll: async (events: readonly { readonly type: string; readonly payload: unknown }[]) => {
    if (events.length === 0) return;
    if (!ctx.publish) throw new Error('flex needs a dispatcher that lets handlers publish (flex.values.deleted)');
    for (const event of events) await ctx.publish(event.type, event.payload);
  },
});

const removed = async (ctx: HandlerContext, gone: readonly GoneValues[]): Promise<void> => {
  await publishValuesDeleted(publisherOf(ctx), gone);
  if (gone.length > 0) ctx.logger.debug({ count: gone.length }, 'attached values of deleted entities removed');
};

const removeEntities = async (ctx: HandlerContext, target: AttachedTarget, ids: readonly string[]): Promise<void> =>
  removed(ctx, await deleteEntitiesValues(ctx.tx, target, ids));

/** Every product a delivery deletes, in one statement. */
const handleProductsDeleted = (events: readonly EventEnvelope[], ctx: HandlerContext): Promise<void> =>
  removeEntities(
    ctx,
    'product',
    events.flatMap((e) => idOf(e.payload, 'productId') ?? []),
  );

/** The node's values, and those of its subtree (deleted with it, with no event of their own). */
const handleNodeDeleted = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const nodeId = idOf(event.payload, 'nodeId');
  const gone = nodeId ? await deleteEntitiesValues(ctx.tx, 'content_node', [nodeId]) : [];
  await removed(ctx, [...gone, ...(await deleteOrphanNodeValues(ctx.tx))]);
};

export const attachedHandlers: readonly EventHandlerDeclaration[] = [
  {
    consumer: 'flex.product_values',
    types: [COMMERCE_EVENT.productDeleted],
    handle: (event, ctx) => handleProductsDeleted([event], ctx),
    handleBatch: handleProductsDeleted,
  },
  { consumer: 'flex.node_values', types: [NODE_EVENT.deleted], handle: handleNodeDeleted },
];
