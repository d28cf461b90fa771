import { type EventEnvelope, type EventHandlerDeclaration, generateId, type HandlerContext, typeMatches } from '@rustok/kernel';
import { insertDeliveries, type NewDelivery } from '../store/deliveries.js';
import { activeSubscriptions, type Subscription } from '../store/endpoints.js';
import { hotSenderOf } from './hot-sender.js';
import type { Sendable } from './sendable.js';

/**
 * The body every endpoint receives for an event, in the Standard Webhooks shape: `type`,
 * `timestamp` (when it happened) and `data` (the event's payload as its catalogue entry documents it).
 */
export const messageBody = (event: Pick<EventEnvelope, 'type' | 'occurredAt' | 'payload' | 'schemaVersion'>): string =>
  JSON.stringify({ type: event.type, timestamp: event.occurredAt, schemaVersion: event.schemaVersion, data: event.payload });

/** A delivery just written, as the sender needs it (its endpoint's URL, secrets and headers). */
const sendableOf = (d: NewDelivery, endpoint: Subscription, tenantId: string): Sendable => ({
  id: d.id,
  tenantId,
  endpointId: endpoint.id,
  messageId: d.messageId,
  payload: d.payload,
  attempts: 0,
  url: endpoint.url,
  secrets: endpoint.previous_secret ? [endpoint.secret, endpoint.previous_secret] : [endpoint.secret],
  headers: endpoint.headers,
});

/** One delivery per event and active endpoint subscribed to its type. */
const deliveriesOf = (events: readonly EventEnvelope[], endpoints: readonly Subscription[]) => {
  const out: { delivery: NewDelivery; endpoint: Subscription }[] = [];
  for (const event of events) {
    const body = messageBody(event);
    for (const endpoint of endpoints) {
      if (!endpoint.event_types.some((pattern) => typeMatches(pattern, event.type))) continue;
      const delivery = {
        id: generateId(),
        endpointId: endpoint.id,
        messageId: event.id,
        eventId: event.id,
        eventType: event.type,
        payload: body,
      };
      out.push({ delivery, endpoint });
    }
  }
  return out;
};

/**
 * One delivery per event and active endpoint subscribed to its type, queued. Runs as an event
 * consumer, in the consumer's tenant transaction with its receipts: an event handled again adds
 * nothing, and nothing is sent inside any transaction. Where this process sends (`deliver` and
 * `send_at_once`) and its sender has room, the deliveries are queued claimed and handed to the
 * sender once the transaction has committed; otherwise the delivery run sends them.
 */
export const fanOut = async (events: readonly EventEnvelope[], ctx: HandlerContext): Promise<void> => {
  const endpoints = await activeSubscriptions(ctx.tx);
  if (endpoints.length === 0) return;
  const made = deliveriesOf(events, endpoints);
  const sender = hotSenderOf(ctx);
  const now = sender?.accepting() === true ? sender : undefined;
  const written = new Set(
    await insertDeliveries(
      ctx.tx,
      ctx.tenantId,
      made.map((m) => m.delivery),
      now?.claimMs,
    ),
  );
  if (!now || written.size === 0) return;
  const sendables = made.filter((m) => written.has(m.delivery.id)).map((m) => sendableOf(m.delivery, m.endpoint, ctx.tenantId));
  ctx.afterCommit?.(() => now.push(sendables));
};

/** Every domain event of the tenant goes past the webhook endpoints. */
export const webhookFanOut: EventHandlerDeclaration = {
  consumer: 'notifications.webhooks',
  types: ['*'],
  handle: (event, ctx) => fanOut([event], ctx),
  handleBatch: fanOut,
};
