import { type OutboxEvent, outboxEvents, type TestPlatform } from '@rustok/testing';

export { caller, expectProblem } from '@rustok/testing';

/** Events of a tenant in the outbox, oldest first, with their payloads. */
export const eventsOf = (p: TestPlatform, tenantId: string, nodeId?: string): Promise<OutboxEvent[]> =>
  outboxEvents(p, tenantId, "type LIKE 'content.%'", (payload) => nodeId === undefined || payload.nodeId === nodeId);
