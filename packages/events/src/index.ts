export * from './admin-routes.js';
export * from './bus.js';
export * from './catalog.js';
export * from './dispatcher.js';
export * from './envelope.js';
export * from './errors.js';
export * from './memory.js';
export * from './metrics.js';
export { eventsModule, eventsModule as default } from './module.js';
// The NATS transport's values live at `@rustok/events/nats`, so that a process without NATS does not
// load its client; its types are here too.
export type * from './nats/index.js';
export * from './outbox/admin.js';
export * from './outbox/migrations.js';
export { ensureOutboxPartitions, outboxPartitionsJob } from './outbox/partitions.js';
export * from './outbox/publish.js';
export * from './outbox/relay.js';
export { outboxRetentionJob, type Pruned, type PruneOptions, pruneOutbox } from './outbox/retention.js';
export * from './outbox/settle.js';
export * from './outbox/transport.js';
export * from './schema-files.js';
export * from './trace.js';
export * from './types.js';
