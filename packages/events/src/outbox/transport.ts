import type { Database } from '@rustok/db';
import type { EventEnvelope } from '@rustok/kernel';
import type { EventTransport } from '../types.js';
import { createWakeNotifier, insertIntoOutbox } from './publish.js';
import type { Relay } from './relay.js';

/**
 * L1 (and the write side of L2): events are rows of the writer's own transaction; the relay takes
 * them from there. Without a transaction, the event is written in one of its own.
 */
export const createOutboxTransport = (db: Database, relay: Relay, level: 'outbox' | 'streaming' = 'outbox'): EventTransport => {
  const notifyOthers = createWakeNotifier(db);
  const wake = () => {
    relay.wake();
    notifyOthers();
  };
  const write = async (envelopes: readonly EventEnvelope[], tx?: Parameters<EventTransport['publish']>[1]) => {
    if (tx) {
      await insertIntoOutbox(tx, envelopes);
      tx.afterCommit(wake);
      return;
    }
    await db.transaction((own) => insertIntoOutbox(own, envelopes));
    wake();
  };
  return {
    reliabilityLevel: level,
    publish: (envelope, tx) => write([envelope], tx),
    publishBatch: (envelopes, tx) => write(envelopes, tx),
    async acknowledge(eventId) {
      await db.query(
        "UPDATE sys_events SET status = 'dispatched', dispatched_at = now(), claimed_by = NULL, claimed_until = NULL WHERE id = $1 AND status = 'pending'",
        [eventId],
      );
    },
    start: () => relay.start(),
    stop: () => relay.stop(),
  };
};
