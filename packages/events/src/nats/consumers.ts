import type { ConsumerMessages, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventHandlerDeclaration } from '@rustok/kernel';
import type { Logger } from 'pino';
import { createDispatcher, type DispatcherOptions } from '../dispatcher.js';
import type { EventMetrics } from '../metrics.js';
import type { EventSink } from '../types.js';
import { ensureDurable, type StartFrom } from './durable.js';
import { handleMessage, type MessageContext } from './handle-message.js';
import type { NatsSubjects } from './subjects.js';
import { type SupervisedConsume, superviseConsume } from './supervise.js';

/** The dispatcher settings shared by every consumer, or a factory of a handler's own sink. */
export type ConsumerDispatcher =
  | Omit<DispatcherOptions, 'handlers' | 'logger' | 'metrics'>
  | ((handler: EventHandlerDeclaration) => EventSink);

export interface NatsConsumerOptions {
  readonly handlers: readonly EventHandlerDeclaration[];
  readonly dispatcher: ConsumerDispatcher;
  /** Prefix of the durable names; another group is another, independent reading of the streams. */
  readonly group?: string;
  /** Deliveries before an event goes to the dead letters; 5 by default. */
  readonly maxDeliver?: number;
  /** Time to ack before JetStream redelivers; 30 s by default (kept alive while a handler runs). */
  readonly ackWaitMs?: number;
  /** First redelivery delay after a failure (doubling); 1 s by default, at most `maxBackoffMs` (60 s). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Where a new group starts: every stored event (default) or only new ones. */
  readonly startFrom?: StartFrom;
  /** Messages pulled at a time per consumer; 10 by default (small, so processes share the work). */
  readonly batch?: number;
  /** Messages handled at once per consumer; 1 by default (in order). */
  readonly concurrency?: number;
  /** Called for every dead letter after it is published to the dead-letter subject. */
  readonly onDeadLetter?: MessageContext['onDeadLetter'];
}

export interface NatsConsumersDeps {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly subjects: NatsSubjects;
  readonly logger: Logger;
  readonly metrics?: EventMetrics;
  /** The connection whose reconnects make the consumers check that they pull again (see `supervise.ts`). */
  readonly nc?: NatsConnection;
}

export type StartNatsConsumersOptions = NatsConsumersDeps & NatsConsumerOptions;

export interface NatsConsumers {
  /** `<stream>/<durable>` of every consumer started. */
  readonly durables: readonly string[];
  /** Stops pulling, finishes (and acks) the messages already received, then resolves. */
  stop(): Promise<void>;
}

const sinkFor = (handler: EventHandlerDeclaration, deps: NatsConsumersDeps, dispatcher: ConsumerDispatcher): EventSink =>
  typeof dispatcher === 'function'
    ? dispatcher(handler)
    : createDispatcher({ ...dispatcher, logger: deps.logger, metrics: deps.metrics, handlers: [handler] });

const runLoop = async (messages: ConsumerMessages, ctx: MessageContext, concurrency: number): Promise<void> => {
  const inFlight = new Set<Promise<void>>();
  try {
    for await (const msg of messages) {
      const work: Promise<void> = handleMessage(msg, ctx)
        .catch((error: unknown) => ctx.logger.error({ err: error, durable: ctx.durable }, 'event message handling failed'))
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  } catch (error) {
    ctx.logger.error({ err: error, durable: ctx.durable }, 'NATS consumer stopped');
  }
  await Promise.all(inFlight);
};

interface Running {
  readonly name: string;
  readonly consuming: SupervisedConsume;
}

const startOne = async (
  options: StartNatsConsumersOptions,
  handler: EventHandlerDeclaration,
  stream: string,
  filterSubjects: string[],
): Promise<Running> => {
  const deps = options;
  const durable = deps.subjects.durableName(handler.consumer, options.group);
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  // `<root>.<kind>.*.<type>` → `<root>.<kind>.>`: the whole stream.
  const broadFilter = filterSubjects[0]?.split('.').slice(0, 2).concat('>').join('.') ?? '>';
  const spec = { stream, durable, filterSubjects, broadFilter, ackWaitMs, startFrom: options.startFrom ?? 'all' } as const;
  await ensureDurable(deps.jsm, spec, deps.logger);
  const consumer = await deps.js.consumers.get(stream, durable);
  const ctx: MessageContext = {
    js: deps.js,
    subjects: deps.subjects,
    sink: sinkFor(handler, deps, options.dispatcher),
    consumer: handler.consumer,
    durable,
    logger: deps.logger.child({ consumer: handler.consumer, durable }),
    metrics: deps.metrics,
    maxDeliver: options.maxDeliver ?? 5,
    ackWaitMs,
    backoffMs: options.backoffMs ?? 1_000,
    maxBackoffMs: options.maxBackoffMs ?? 60_000,
    onDeadLetter: options.onDeadLetter,
  };
  const consuming = await superviseConsume({
    consumer,
    consumeOptions: { max_messages: options.batch ?? 10 },
    run: (messages) => runLoop(messages, ctx, options.concurrency ?? 1),
    connection: deps.nc,
    logger: ctx.logger,
  });
  return { name: `${stream}/${durable}`, consuming };
};

/**
 * One durable pull consumer per handler (and per stream its types live in), filtered to the
 * handler's types. Every process that starts the same handlers in the same group shares their
 * messages; each message runs through the dispatcher restricted to that handler, whose receipts
 * make a redelivery harmless.
 */
export const startNatsConsumers = async (options: StartNatsConsumersOptions): Promise<NatsConsumers> => {
  const running: Running[] = [];
  const stop = async () => {
    await Promise.all(running.map((r) => r.consuming.stop()));
  };
  try {
    for (const handler of options.handlers) {
      for (const [stream, filters] of options.subjects.filtersFor(handler.types))
        running.push(await startOne(options, handler, stream, filters));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { durables: running.map((r) => r.name), stop };
};
