import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Event counters; the outbox gauges are registered by the relay (they query the database). */
export const createEventMetrics = (registry: Registry) => ({
  registry,
  published: new Counter({
    name: 'rustok_events_published_total',
    help: 'Events accepted for publishing, by type',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  dispatched: new Counter({
    name: 'rustok_events_dispatched_total',
    help: 'Events delivered to every consumer, by type',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  failed: new Counter({
    name: 'rustok_events_failed_total',
    help: 'Failed delivery attempts, by type',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  deadLettered: new Counter({
    name: 'rustok_events_dead_lettered_total',
    help: 'Events moved to the dead-letter table, by type',
    labelNames: ['type'] as const,
    registers: [registry],
  }),
  handlerDuration: new Histogram({
    name: 'rustok_events_handler_duration_seconds',
    help: 'Handler run time, by consumer',
    labelNames: ['consumer'] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  }),
  relayPhase: new Histogram({
    name: 'rustok_events_relay_phase_seconds',
    help: 'Time of each step of an outbox relay batch: claim, deliver (every consumer), settle',
    labelNames: ['phase'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
  relayBatch: new Histogram({
    name: 'rustok_events_relay_batch_events',
    help: 'Events an outbox relay batch claimed',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [registry],
  }),
  deliveryLag: new Histogram({
    name: 'rustok_events_delivery_lag_seconds',
    help: "From an event's occurrence until the relay settled it as dispatched (outbox: handled by every consumer; nats: in the stream)",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  }),
  memoryAccepted: new Counter({
    name: 'rustok_events_memory_accepted_total',
    help: 'Events accepted by the memory transport',
    registers: [registry],
  }),
  memoryRejected: new Counter({
    name: 'rustok_events_memory_rejected_total',
    help: 'Events refused by the memory transport (backpressure)',
    registers: [registry],
  }),
  memoryDepth: new Gauge({
    name: 'rustok_events_memory_queue_depth',
    help: 'Events waiting in the memory transport',
    registers: [registry],
  }),
});

export type EventMetrics = ReturnType<typeof createEventMetrics>;
