import type { Database, Tx } from '@rustok/db';
import type { EventEnvelope, HandlerServices, HealthCheck, ModuleDefinition, RustokSettings } from '@rustok/kernel';
import type { Logger } from 'pino';
import { Gauge, Registry } from 'prom-client';
import { createEventCatalog, type EventCatalog } from './catalog.js';
import { createDispatcher } from './dispatcher.js';
import { createEnvelope, validateEnvelope } from './envelope.js';
import { eventsErrors } from './errors.js';
import { createMemoryTransport, type MemoryTransport } from './memory.js';
import { createEventMetrics, type EventMetrics } from './metrics.js';
import type { NatsStreaming } from './nats/connect.js';
import {
  type DeadLetter,
  listDeadLetters,
  type OutboxStats,
  outboxBacklog,
  outboxStats,
  recordDeadLetter,
  replayDeadLetter,
} from './outbox/admin.js';
import { createRelay, type Relay } from './outbox/relay.js';
import { createOutboxTransport } from './outbox/transport.js';
import type { EventSink, EventTransport, NewEvent } from './types.js';

/** What the NATS JetStream layer gives the bus (see ./nats/connect.ts). */
export type StreamingLayer = Pick<NatsStreaming, 'sink' | 'startConsumers' | 'healthCheck' | 'close'>;

export type EventSettings = RustokSettings['events'];

export interface EventBusOptions {
  readonly settings: EventSettings;
  readonly db: Database;
  readonly modules: readonly ModuleDefinition[];
  readonly logger: Logger;
  readonly registry?: Registry;
  /** Required when settings.transport is `nats` and this process runs the relay or the consumers. */
  readonly streaming?: StreamingLayer;
  /** What this process runs (see `runsRelay`); both by default. Publishing works either way. */
  readonly runs?: EventRoles;
  /** The services handlers get as `ctx.services`, made once the bus exists (they may include it). */
  readonly services?: (bus: EventBus) => HandlerServices;
}

/** The parts of the event system a process runs: the relay (the outbox onward) and the consumers (the handlers). */
export interface EventRoles {
  readonly relay: boolean;
  readonly consumers: boolean;
  /** With `nats`, whether this process runs a consumer's durable (`server.consumers`); all when absent. */
  readonly selects?: (consumer: string) => boolean;
}

/**
 * Whether the outbox relay runs here. With `outbox` the relay hands events to this process's
 * handlers, so it is the consumers too: it runs where either role is set. With `nats` it publishes
 * to JetStream and runs only with `relay` (the durable consumers run with `consumers`). The `memory`
 * queue lives in the publishing process and always runs.
 */
export const runsRelay = (transport: EventSettings['transport'], runs: EventRoles): boolean =>
  transport === 'memory' || runs.relay || (transport === 'outbox' && runs.consumers);

/** The relay's sink under `nats` in a process without NATS (it never starts there): never available. */
const noStreamingSink: EventSink = { available: () => false, deliver: async () => new Map() };

export interface EventBus {
  readonly catalog: EventCatalog;
  readonly transport: EventTransport;
  readonly transportName: EventSettings['transport'];
  /** The local dispatcher (handlers of every module, with receipts). */
  readonly dispatcher: EventSink;
  readonly relay: Relay | undefined;
  readonly memory: MemoryTransport | undefined;
  readonly metrics: EventMetrics;
  /** Validates and publishes inside the caller's transaction: the event exists iff the transaction commits. */
  publishInTx<P>(tx: Tx, event: NewEvent<P>): Promise<EventEnvelope<P>>;
  publishBatchInTx(tx: Tx, events: readonly NewEvent[]): Promise<EventEnvelope[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): Promise<OutboxStats & { transport: string; reliabilityLevel: string }>;
  listDeadLetters(limit: number, cursor?: string): Promise<{ items: DeadLetter[]; nextCursor: string | null }>;
  replayDeadLetter(id: string): Promise<{ id: string; type: string }>;
  healthChecks(): HealthCheck[];
}

/** Outbox gauges, read at scrape time; while the database is away they keep their last value (the scrape still answers). */
const backlogGauges = (registry: Registry, db: Database) => {
  let last: Promise<{ backlog: number; oldestAgeSeconds: number } | undefined> | undefined;
  const read = () => {
    last ??= outboxBacklog(db)
      .catch(() => undefined)
      .finally(() => setTimeout(() => (last = undefined), 0));
    return last;
  };
  new Gauge({
    name: 'rustok_events_outbox_backlog',
    help: 'Events waiting in the outbox',
    registers: [registry],
    async collect() {
      const value = await read();
      if (value) this.set(value.backlog);
    },
  });
  new Gauge({
    name: 'rustok_events_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest event waiting in the outbox',
    registers: [registry],
    async collect() {
      const value = await read();
      if (value) this.set(value.oldestAgeSeconds);
    },
  });
};

const chooseTransport = (options: EventBusOptions, dispatcher: EventSink, metrics: EventMetrics) => {
  const { settings, db, logger } = options;
  if (settings.transport === 'memory') {
    const memory = createMemoryTransport({
      sink: dispatcher,
      logger,
      metrics,
      capacity: settings.memory_capacity,
      warningRatio: settings.backpressure_warning,
      criticalRatio: settings.backpressure_critical,
      maxAttempts: settings.max_attempts,
    });
    return { transport: memory as EventTransport, memory, relay: undefined };
  }
  const runs = options.runs ?? { relay: true, consumers: true };
  if (settings.transport === 'nats' && !options.streaming && (runs.relay || runs.consumers)) {
    throw eventsErrors.EVENTS_NATS_NOT_CONFIGURED('events.transport is nats but no NATS connection was given (set nats.url / NATS_URL)');
  }
  const relay = createRelay({
    db,
    sink: options.streaming?.sink ?? (settings.transport === 'nats' ? noStreamingSink : dispatcher),
    logger: logger.child({ component: 'outbox-relay' }),
    metrics,
    batchSize: settings.relay_batch_size,
    pollMs: settings.relay_poll_ms,
    lingerMs: settings.relay_linger_ms,
    leaseMs: settings.relay_lease_ms,
    maxAttempts: settings.max_attempts,
    backoffBaseMs: settings.backoff_base_ms,
    backoffMaxMs: settings.backoff_max_ms,
  });
  const transport = createOutboxTransport(db, relay, settings.transport === 'nats' ? 'streaming' : 'outbox');
  return { transport, memory: undefined, relay };
};

type FollowUp = (tx: Tx, event: NewEvent) => Promise<unknown>;

const dispatcherFor = (
  options: EventBusOptions,
  metrics: EventMetrics,
  publish: FollowUp,
  services: () => HandlerServices | undefined,
  consumer?: string,
): EventSink =>
  createDispatcher({
    publish,
    services,
    db: options.db,
    handlers: options.modules.flatMap((m) => m.events.handles ?? []).filter((h) => consumer === undefined || h.consumer === consumer),
    logger: options.logger.child({ component: 'event-dispatcher' }),
    metrics,
    concurrency: options.settings.relay_concurrency,
  });

/**
 * The event system of one process: catalog, validation, the configured transport, the local
 * dispatcher and (for outbox and nats) the relay.
 */
export const createEventBus = (options: EventBusOptions): EventBus => {
  const { db, logger, settings } = options;
  const registry = options.registry ?? new Registry();
  const metrics = createEventMetrics(registry);
  const catalog = createEventCatalog(options.modules);
  // Handlers' follow-up events go through the bus itself (its transport is there by the time a handler runs).
  const followUp: FollowUp = (tx, event) => bus.publishInTx(tx, event);
  let services: HandlerServices | undefined;
  const servicesOf = () => {
    if (!services && options.services) services = options.services(bus);
    return services;
  };
  const dispatcher = dispatcherFor(options, metrics, followUp, servicesOf);
  const { transport, memory, relay } = chooseTransport(options, dispatcher, metrics);
  if (relay) backlogGauges(registry, db);
  const runs = options.runs ?? { relay: true, consumers: true };
  const relayHere = runsRelay(settings.transport, runs);
  let consumers: { stop(): Promise<void> } | undefined;

  const prepare = <P>(event: NewEvent<P>): EventEnvelope<P> => {
    const envelope = createEnvelope(event, catalog);
    validateEnvelope(envelope, catalog);
    return envelope;
  };

  const bus: EventBus = {
    catalog,
    transport,
    transportName: settings.transport,
    dispatcher,
    relay,
    memory,
    metrics,
    async publishInTx(tx, event) {
      const envelope = prepare(event);
      await transport.publish(envelope, tx);
      metrics.published.inc({ type: envelope.type });
      return envelope;
    },
    async publishBatchInTx(tx, events) {
      const envelopes = events.map((e) => prepare(e));
      await transport.publishBatch(envelopes, tx);
      for (const e of envelopes) metrics.published.inc({ type: e.type });
      return envelopes;
    },
    async start() {
      if (relayHere) await transport.start();
      if (options.streaming && runs.consumers)
        consumers = await startStreamingConsumers(options, options.streaming, metrics, followUp, servicesOf);
      logger.info(
        { transport: settings.transport, reliability: transport.reliabilityLevel, relay: relayHere, consumers: runs.consumers },
        'event bus started',
      );
    },
    async stop() {
      await consumers?.stop();
      await transport.stop();
      await options.streaming?.close();
    },
    async stats() {
      return { transport: settings.transport, reliabilityLevel: transport.reliabilityLevel, ...(await outboxStats(db)) };
    },
    listDeadLetters: (limit, cursor) => listDeadLetters(db, limit, cursor),
    replayDeadLetter: (id) => replayDeadLetter(db, dispatcher, id),
    healthChecks: () => eventHealthChecks(options, memory, relayHere),
  };
  return bus;
};

/** The durable pull consumers of every handler on JetStream (processes sharing a durable split its events). */
const startStreamingConsumers = (
  options: EventBusOptions,
  streaming: StreamingLayer,
  metrics: EventMetrics,
  followUp: FollowUp,
  servicesOf: () => HandlerServices | undefined,
) => {
  const { settings, db } = options;
  const selects = options.runs?.selects ?? (() => true);
  return streaming.startConsumers({
    handlers: options.modules.flatMap((m) => m.events.handles ?? []).filter((h) => selects(h.consumer)),
    dispatcher: (handler) => dispatcherFor(options, metrics, followUp, servicesOf, handler.consumer),
    maxDeliver: settings.max_attempts,
    ackWaitMs: settings.nats_ack_wait_ms,
    backoffMs: settings.backoff_base_ms,
    maxBackoffMs: settings.backoff_max_ms,
    onDeadLetter: (letter) => recordDeadLetter(db, letter.envelope, letter.deliveries, letter.error, [letter.consumer]),
  });
};

/** The memory queue's state, or the outbox's lag where the relay runs; NATS where it is connected. */
const eventHealthChecks = (options: EventBusOptions, memory: MemoryTransport | undefined, relayHere: boolean): HealthCheck[] => {
  const checks: HealthCheck[] = [];
  if (memory) {
    checks.push({
      name: 'events:memory',
      critical: false,
      check: async () =>
        memory.state() === 'normal' ? { status: 'ok' } : { status: 'degraded', reason: `queue ${memory.state()} (${memory.depth()})` },
    });
  } else if (relayHere) {
    checks.push({
      name: 'events:outbox',
      critical: false,
      check: async () => {
        const { oldestAgeSeconds, backlog } = await outboxBacklog(options.db);
        const lagging = oldestAgeSeconds > options.settings.lag_warning_seconds;
        return lagging ? { status: 'degraded', reason: `${backlog} pending, oldest ${Math.round(oldestAgeSeconds)} s` } : { status: 'ok' };
      },
    });
  }
  const streaming = options.streaming;
  if (streaming) checks.push({ name: 'events:nats', critical: false, check: () => streaming.healthCheck() });
  return checks;
};
