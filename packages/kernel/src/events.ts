import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { SqlRunner } from './sql-runner.js';

/** Every event, on every transport, travels in this envelope. */
export interface EventEnvelope<Payload = unknown> {
  /** ULID-ordered UUID; also the deduplication key on every transport. */
  readonly id: string;
  /** `<module>.<entity>.<action>`, e.g. `commerce.product.created`. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly tenantId: string;
  readonly actorId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The OpenTelemetry trace the event was published in (W3C, 32 hex digits). */
  readonly traceId: string | null;
  /** The publisher's span (16 hex digits); consumers' spans are its children. Absent on older events. */
  readonly spanId?: string | null;
  /** W3C trace flags of the publisher's span (1 = sampled). Absent on older events. */
  readonly traceFlags?: number;
  /** ISO 8601 UTC. */
  readonly occurredAt: string;
  /** 0 on the first delivery attempt. */
  readonly retryCount: number;
  readonly payload: Payload;
}

/** An event type a module publishes: its payload schema is the contract for consumers. */
export interface EventDeclaration<Payload extends TSchema = TSchema> {
  readonly type: string;
  readonly schemaVersion: number;
  readonly payload: Payload;
  readonly description?: string;
}

/** Declares an event keeping its payload schema's type, so `on` can hand handlers a typed payload. */
export const declareEvent = <Payload extends TSchema>(declaration: EventDeclaration<Payload>): EventDeclaration<Payload> => declaration;

/**
 * Services the platform hands to event handlers beside their transaction. Empty here (the kernel
 * opens nothing); the API layer adds the database, the event publisher and the configuration by
 * declaration merging, as it does for jobs.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface HandlerServices {}

/** What a handler gets: the tenant-scoped transaction its own writes and the receipt share. */
export interface HandlerContext {
  readonly tx: SqlRunner;
  readonly tenantId: string;
  readonly logger: Logger;
  /**
   * Publishes a follow-up event in the handler's transaction: it exists iff the handler's effects
   * commit, and its causation is the handled event. The platform's dispatcher gives it.
   */
  readonly publish?: (type: string, payload: unknown) => Promise<void>;
  /**
   * Runs `fn` once the handler's transaction has committed (never when it rolls back), for work
   * that must not happen inside it, such as a request to another system. A failure of `fn` is
   * logged. The platform's dispatcher gives it.
   */
  readonly afterCommit?: (fn: () => void | Promise<void>) => void;
  /** The process's services; the platform's dispatcher gives them. */
  readonly services?: HandlerServices;
}

/**
 * A consumer of events. Its effects and the receipt of (consumer, event id) commit in one
 * transaction, so a redelivered event has no second effect.
 */
export interface EventHandlerDeclaration {
  /** Unique consumer name, `<module>.<name>`; the receipt key and the durable consumer group. */
  readonly consumer: string;
  /**
   * Event types handled; a trailing `.*` matches a prefix (`commerce.product.*`), and `*` alone every
   * domain event (not the platform's `system.*` ones).
   */
  readonly types: readonly string[];
  readonly handle: (event: EventEnvelope, ctx: HandlerContext) => Promise<void>;
  /**
   * Optional: the events of one delivery for one tenant that this consumer has not handled yet, at
   * once and in id order, in the same transaction as their receipts. When given, the dispatcher calls
   * it instead of `handle` per event; it must leave what handling them one by one would leave (a
   * read model re-reading each item once, say, instead of once per event).
   */
  readonly handleBatch?: (events: readonly EventEnvelope[], ctx: HandlerContext) => Promise<void>;
}

export interface ModuleEvents {
  readonly emits: readonly EventDeclaration[];
  readonly handles?: readonly EventHandlerDeclaration[];
}

/** Whether one pattern of a type list (exact, `prefix.*`, or `*`: every domain event) covers an event type. */
export const typeMatches = (pattern: string, type: string): boolean =>
  pattern === type || (pattern === '*' ? !type.startsWith('system.') : pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)));

/** Whether a handler's type list covers an event type. */
export const handlesType = (handler: Pick<EventHandlerDeclaration, 'types'>, type: string): boolean =>
  handler.types.some((t) => typeMatches(t, type));

/**
 * A consumer of one declared event: the handler's envelope carries the declaration's payload type
 * (the publisher validated the payload against that schema).
 */
export const on = <Payload extends TSchema>(
  consumer: string,
  event: EventDeclaration<Payload>,
  handle: (event: EventEnvelope<Static<Payload>>, ctx: HandlerContext) => Promise<void>,
): EventHandlerDeclaration => ({
  consumer,
  types: [event.type],
  handle: (envelope, ctx) => handle(envelope as EventEnvelope<Static<Payload>>, ctx),
});
