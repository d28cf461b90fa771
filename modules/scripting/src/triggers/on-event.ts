import { type EventEnvelope, type EventHandlerDeclaration, generateId, type HandlerContext, typeMatches } from '@rustok/kernel';
import { SCRIPTING_EVENT } from '../events.js';
import { insertQueued } from '../store/executions.js';
import { enqueueExecution } from '../store/queue.js';
import { eventSubscriptions } from '../store/triggers.js';

/** What a script sees as `ctx.event`. */
const eventDocument = (event: EventEnvelope): Record<string, unknown> => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  occurredAt: event.occurredAt,
  actorId: event.actorId,
  payload: event.payload as unknown,
});

/** A script's own emitted events never run that same script (no loop of one). */
const ownEvent = (event: EventEnvelope, scriptId: string): boolean =>
  event.type === SCRIPTING_EVENT.scriptEmitted && (event.payload as { scriptId?: string } | null)?.scriptId === scriptId;

/**
 * Queues one execution per event and enabled script whose event trigger matches its type, in the
 * consumer's tenant transaction with its receipts (and a unique (script, event) key): an event
 * handled again queues nothing more. The queue job runs them, outside any request.
 */
export const queueForEvents = async (events: readonly EventEnvelope[], ctx: HandlerContext): Promise<void> => {
  const subscriptions = await eventSubscriptions(ctx.tx);
  if (subscriptions.length === 0) return;
  for (const event of events) {
    for (const s of subscriptions) {
      if (!s.eventTypes.some((p) => typeMatches(p, event.type)) || ownEvent(event, s.scriptId)) continue;
      const id = generateId();
      const queued = await insertQueued(ctx.tx, {
        id,
        scriptId: s.scriptId,
        version: s.version,
        trigger: 'event',
        triggerId: s.triggerId,
        eventId: event.id,
        request: { input: null, event: eventDocument(event) },
      });
      if (queued) await enqueueExecution(ctx.tx, ctx.tenantId, id);
    }
  }
};

/** Every domain event of the tenant goes past its scripts' event triggers. */
export const scriptEventTriggers: EventHandlerDeclaration = {
  consumer: 'scripting.event_triggers',
  types: ['*'],
  handle: (event, ctx) => queueForEvents([event], ctx),
  handleBatch: queueForEvents,
};
