import { type EventEnvelope, type EventHandlerDeclaration, generateId, type HandlerContext, typeMatches } from '@rustok/kernel';
import { insertDeliveries, type NewDelivery } from '../store/deliveries.js';
import { activeSubscriptions } from '../store/endpoints.js';

/**
 * The body every endpoint receives for an event, in the Standard Webhooks shape: `type`,
 * `timestamp` (when it happened) and `data` (the event's payload as its catalogue entry documents it).
 */
export const messageBody = (event: Pick<EventEnvelope, 'type' | 'occurredAt' | 'payload' | 'schemaVersion'>): string =>
  JSON.stringify({ type: event.type, timestamp: event.occurredAt, schemaVersion: event.schemaVersion, data: event.payload });

/**
 * One delivery per event and active endpoint subscribed to its type, queued to be sent now. Runs as
 * an event consumer, in the consumer's tenant transaction with its receipts: an event handled again
 * adds nothing, and nothing is sent inside any transaction (the delivery run sends).
 */
export const fanOut = async (events: readonly EventEnvelope[], ctx: HandlerContext): Promise<void> => {
  const endpoints = await activeSubscriptions(ctx.tx);
  if (endpoints.length === 0) return;
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const body = messageBody(event);
    for (const endpoint of endpoints) {
      if (!endpoint.event_types.some((pattern) => typeMatches(pattern, event.type))) continue;
      deliveries.push({
        id: generateId(),
        endpointId: endpoint.id,
        messageId: event.id,
        eventId: event.id,
        eventType: event.type,
        payload: body,
      });
    }
  }
  await insertDeliveries(ctx.tx, ctx.tenantId, deliveries);
};

/** Every domain event of the tenant goes past the webhook endpoints. */
export const webhookFanOut: EventHandlerDeclaration = {
  consumer: 'notifications.webhooks',
  types: ['*'],
  handle: (event, ctx) => fanOut([event], ctx),
  handleBatch: fanOut,
};
