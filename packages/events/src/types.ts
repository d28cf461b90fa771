import type { Tx } from '@rustok/db';
import type { EventEnvelope } from '@rustok/kernel';

/** What a use-case hands to the publisher; the rest of the envelope is filled in. */
export interface NewEvent<Payload = unknown> {
  readonly type: string;
  /** Defaults to the latest version the catalog knows for the type. */
  readonly schemaVersion?: number;
  readonly tenantId: string;
  readonly payload: Payload;
  readonly actorId?: string | null;
  /** The event that caused this one (handlers publishing follow-up events). */
  readonly causationId?: string | null;
}

export type ReliabilityLevel = 'memory' | 'outbox' | 'streaming';

/**
 * How events leave the writer. With a transaction, the event is part of it (outbox, streaming) or
 * queued when it commits (memory); `acknowledge` marks an event as handled by its transport.
 */
export interface EventTransport {
  readonly reliabilityLevel: ReliabilityLevel;
  publish(envelope: EventEnvelope, tx?: Tx): Promise<void>;
  publishBatch(envelopes: readonly EventEnvelope[], tx?: Tx): Promise<void>;
  acknowledge(eventId: string): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The outcome of delivering one event to every consumer (or to the broker). */
export type DeliveryResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly error: string;
      /** Consumers whose handler failed (empty for a broker failure). */
      readonly consumers: readonly string[];
      /** A failure of the way there (broker down), not of the event: not counted as an attempt. */
      readonly transient?: boolean;
    };

/** Where the relay sends claimed events: the local dispatcher, or a broker. */
export interface EventSink {
  deliver(events: readonly EventEnvelope[]): Promise<Map<string, DeliveryResult>>;
  /** False while the sink cannot take events (open circuit): the relay then leaves them pending. */
  available?(): boolean;
}
