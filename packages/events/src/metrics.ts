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
