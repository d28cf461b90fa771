export { connectNatsStreaming, type NatsStreaming, type NatsStreamingOptions } from './connect.js';
export {
  type ConsumerDispatcher,
  type NatsConsumerOptions,
  type NatsConsumers,
  type NatsConsumersDeps,
  type StartNatsConsumersOptions,
  startNatsConsumers,
} from './consumers.js';
export { type DurableSpec, ensureDurable, type StartFrom } from './durable.js';
export { type DeadLetter as NatsDeadLetter, handleMessage, type MessageContext, redeliveryDelay } from './handle-message.js';
export { type ReplayedMeta, type ReplayOptions, type ReplayResult, replayEvents, startReplayGroup } from './replay.js';
export { type BreakerOptions, createNatsSink, type NatsSink, type NatsSinkOptions } from './sink.js';
export { deleteStreams, ensureStreams, type StreamOptions } from './streams.js';
export { createSubjects, kindOfType, type NatsSubjects, type StreamKind, type SubjectOptions, withoutOverlaps } from './subjects.js';
