import { type EventEnvelope, generateId } from '@rustok/kernel';

/** A well-formed envelope of a new event (a `shop.order.placed` of a random tenant unless told otherwise). */
export const testEnvelope = (overrides: Partial<EventEnvelope> = {}): EventEnvelope => ({
  id: generateId(),
  type: 'shop.order.placed',
  schemaVersion: 1,
  tenantId: generateId(),
  actorId: null,
  correlationId: 'c',
  causationId: null,
  traceId: null,
  occurredAt: new Date().toISOString(),
  retryCount: 0,
  payload: {},
  ...overrides,
});
