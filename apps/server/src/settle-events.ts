import type { Database } from '@rustok/db';
import { type EventBus, outboxBacklog } from '@rustok/events';

/**
 * Waits until the events published so far have left the outbox (or the in-process queue), so a
 * command that wrote data can close the app knowing the read models have it. Gives the number of
 * events still waiting when `timeoutMs` runs out (they are delivered on the next start).
 */
export const settleEvents = async (bus: EventBus, db: Database, timeoutMs = 60_000): Promise<number> => {
  if (bus.memory) {
    await bus.memory.idle();
    return 0;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { backlog } = await outboxBacklog(db);
    if (backlog === 0 || Date.now() >= deadline) return backlog;
    bus.relay?.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
