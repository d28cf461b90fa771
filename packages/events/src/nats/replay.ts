import {
  type Consumer,
  DeliverPolicy,
  JetStreamApiCodes,
  type JetStreamClient,
  type JetStreamManager,
  type OrderedConsumerOptions,
} from '@nats-io/jetstream';
import { type EventEnvelope, handlesType } from '@rustok/kernel';
import { type NatsConsumers, type StartNatsConsumersOptions, startNatsConsumers } from './consumers.js';
import { isNotFound } from './streams.js';
import type { NatsSubjects } from './subjects.js';

export interface ReplayedMeta {
  readonly sequence: number;
  readonly subject: string;
  /** When the stream stored the event. */
  readonly storedAt: Date;
}

export interface ReplayOptions {
  readonly js: JetStreamClient;
  readonly subjects: NatsSubjects;
  /** The stream to read; `domain` by default. */
  readonly stream?: 'domain' | 'system';
  /** First stream sequence to deliver (inclusive). */
  readonly fromSequence?: number;
  /** First storage time to deliver (inclusive). */
  readonly fromTime?: Date;
  /** Event types (`x.y.*` allowed); every type when absent. */
  readonly types?: readonly string[];
  readonly onEvent: (envelope: EventEnvelope, meta: ReplayedMeta) => void | Promise<void>;
}

export interface ReplayResult {
  readonly delivered: number;
  /** Stream sequence of the last message read (0 when none). */
  readonly lastSequence: number;
}

const startOptions = (options: ReplayOptions): Partial<OrderedConsumerOptions> => {
  if (options.fromSequence !== undefined) return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.fromSequence };
  if (options.fromTime) return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: options.fromTime.toISOString() };
  return { deliver_policy: DeliverPolicy.All };
};

/** An ordered consumer filtered on the server when it can (one subject, or a 2.10+ server), else unfiltered. */
const orderedConsumer = async (options: ReplayOptions, stream: string): Promise<Consumer> => {
  const filters = options.types ? (options.subjects.filtersFor(options.types).get(stream) ?? []) : [];
  const start = startOptions(options);
  if (filters.length === 0) return options.js.consumers.get(stream, start);
  try {
    return await options.js.consumers.get(stream, { ...start, filter_subjects: filters.length === 1 ? (filters[0] as string) : filters });
  } catch (error) {
    if (!/filter_subjects/.test(error instanceof Error ? error.message : '')) throw error;
    return options.js.consumers.get(stream, start);
  }
};

/**
 * Delivers every stored event from a sequence or a time (or the start) to `onEvent`, in stream
 * order, through an ordered ephemeral consumer; resolves once caught up (nothing left pending).
 * This is how a read model is rebuilt. An error from `onEvent` stops the replay and rejects.
 */
export const replayEvents = async (options: ReplayOptions): Promise<ReplayResult> => {
  const stream = options.subjects.streams[options.stream ?? 'domain'];
  if (options.types?.length === 0) return { delivered: 0, lastSequence: 0 };
  const consumer = await orderedConsumer(options, stream);
  let delivered = 0;
  let lastSequence = 0;
  if ((await consumer.info(true)).num_pending === 0) return { delivered, lastSequence };
  const messages = await consumer.consume({ max_messages: 256 });
  try {
    for await (const msg of messages) {
      const envelope = msg.json<EventEnvelope>();
      lastSequence = msg.seq;
      if (!options.types || handlesType({ types: options.types }, envelope.type)) {
        await options.onEvent(envelope, {
          sequence: msg.seq,
          subject: msg.subject,
          storedAt: new Date(msg.info.timestampNanos / 1_000_000),
        });
        delivered++;
      }
      if (msg.info.pending === 0) break;
    }
  } finally {
    await messages.close();
    await consumer.delete().catch(() => false);
  }
  return { delivered, lastSequence };
};

/**
 * Starts a consumer group that reads every stored event from the start (deliver policy all): a
 * new read model, or a rebuilt one. With `reset`, the group's existing durables are deleted first
 * so they start over. Handlers keep their receipts: rebuild with a new consumer name (or clear its
 * receipts) for the events to run again.
 */
export const startReplayGroup = async (
  options: StartNatsConsumersOptions & { readonly group: string; readonly jsm: JetStreamManager; readonly reset?: boolean },
): Promise<NatsConsumers> => {
  if (options.reset) {
    for (const handler of options.handlers) {
      const durable = options.subjects.durableName(handler.consumer, options.group);
      for (const stream of options.subjects.filtersFor(handler.types).keys()) {
        await options.jsm.consumers.delete(stream, durable).catch((error: unknown) => {
          if (!isNotFound(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
        });
      }
    }
  }
  return startNatsConsumers({ ...options, startFrom: 'all' });
};
