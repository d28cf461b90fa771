import type { CommerceContext, CommerceTx } from '../../context.js';

export interface PendingEvent {
  readonly type: string;
  readonly payload: unknown;
}

/** Publishes events in the use-case's transaction, in one outbox write when the bus can batch. */
export const publishAll = async (ctx: CommerceContext, w: CommerceTx, events: readonly PendingEvent[]): Promise<void> => {
  if (events.length === 0) return;
  if (ctx.events.publishBatchInTx) {
    await ctx.events.publishBatchInTx(
      w.tx,
      events.map((e) => ({ type: e.type, payload: e.payload, tenantId: w.tenantId, actorId: w.actor.userId })),
    );
    return;
  }
  for (const e of events) await w.publish(e.type, e.payload);
};
