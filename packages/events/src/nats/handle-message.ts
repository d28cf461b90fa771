import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { EventEnvelope } from '@rustok/kernel';
import type { Logger } from 'pino';
import type { EventMetrics } from '../metrics.js';
import type { DeliveryResult, EventSink } from '../types.js';
import type { NatsSubjects } from './subjects.js';

export interface MessageContext {
  readonly js: JetStreamClient;
  readonly subjects: NatsSubjects;
  /** The dispatcher restricted to this consumer's handler. */
  readonly sink: EventSink;
  readonly consumer: string;
  readonly durable: string;
  readonly logger: Logger;
  readonly metrics?: EventMetrics;
  /** The delivery that fails for the last time goes to the dead letters. */
  readonly maxDeliver: number;
  readonly ackWaitMs: number;
  /** First redelivery delay; doubles with every delivery up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** Also records the dead letter elsewhere (the dead-letter table the admin API reads). */
  readonly onDeadLetter?: (letter: DeadLetter) => Promise<void>;
}

/** What lands on `<root>.dlq.<tenantId>.<type>`. */
export interface DeadLetter {
  readonly envelope: EventEnvelope;
  readonly error: string;
  readonly consumer: string;
  readonly deliveries: number;
  readonly stream: string;
  readonly streamSequence: number;
  readonly failedAt: string;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2_000);

export const redeliveryDelay = (deliveries: number, ctx: Pick<MessageContext, 'backoffMs' | 'maxBackoffMs'>): number =>
  Math.min(ctx.maxBackoffMs, ctx.backoffMs * 2 ** Math.max(0, deliveries - 1));

/** Runs the handler, telling the server we are still working so the message is not redelivered meanwhile. */
const dispatch = async (msg: JsMsg, envelope: EventEnvelope, ctx: MessageContext): Promise<DeliveryResult> => {
  const keepAlive = setInterval(() => msg.working(), Math.max(100, ctx.ackWaitMs / 2));
  try {
    const results = await ctx.sink.deliver([{ ...envelope, retryCount: msg.info.deliveryCount - 1 }]);
    return results.get(envelope.id) ?? { ok: true };
  } catch (error) {
    return { ok: false, consumers: [ctx.consumer], error: errorText(error) };
  } finally {
    clearInterval(keepAlive);
  }
};

const deadLetter = async (msg: JsMsg, envelope: EventEnvelope, error: string, ctx: MessageContext): Promise<void> => {
  const letter: DeadLetter = {
    envelope,
    error,
    consumer: ctx.consumer,
    deliveries: msg.info.deliveryCount,
    stream: msg.info.stream,
    streamSequence: msg.info.streamSequence,
    failedAt: new Date().toISOString(),
  };
  try {
    await ctx.js.publish(ctx.subjects.deadLetterSubjectFor(envelope), JSON.stringify(letter), { msgID: `${envelope.id}:${ctx.durable}` });
  } catch (publishError) {
    ctx.logger.error({ err: publishError, eventId: envelope.id }, 'cannot publish dead letter; redelivering later');
    msg.nak(ctx.maxBackoffMs);
    return;
  }
  await ctx.onDeadLetter?.(letter).catch((recordError: unknown) => {
    ctx.logger.error({ err: recordError, eventId: envelope.id }, 'cannot record dead letter in the database');
  });
  ctx.metrics?.deadLettered.inc({ type: envelope.type });
  ctx.logger.error({ eventId: envelope.id, type: envelope.type, consumer: ctx.consumer, error }, 'event moved to the dead letters');
  // No reason text: servers before 2.10 do not take one (the error travels in the dead letter).
  msg.term();
};

const parse = (msg: JsMsg): EventEnvelope | undefined => {
  try {
    const value = msg.json<EventEnvelope>();
    return typeof value?.id === 'string' && typeof value.type === 'string' && typeof value.tenantId === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

/**
 * One message of a durable consumer: ack when the handler succeeded (or had already handled the
 * event), nak with exponential delay when it failed, and on the last allowed delivery publish a
 * dead letter and terminate the message. A delivery beyond the limit (the last attempt never
 * finished: the process died) is dead-lettered without running the handler again.
 */
export const handleMessage = async (msg: JsMsg, ctx: MessageContext): Promise<void> => {
  const envelope = parse(msg);
  if (!envelope) {
    ctx.logger.error({ subject: msg.subject, seq: msg.seq, consumer: ctx.consumer }, 'unreadable event message; terminated');
    msg.term();
    return;
  }
  const deliveries = msg.info.deliveryCount;
  if (deliveries > ctx.maxDeliver) return deadLetter(msg, envelope, 'exceeded max deliveries (the last attempt did not finish)', ctx);
  const result = await dispatch(msg, envelope, ctx);
  if (result.ok) {
    msg.ack();
    return;
  }
  ctx.metrics?.failed.inc({ type: envelope.type });
  if (deliveries >= ctx.maxDeliver) return deadLetter(msg, envelope, result.error, ctx);
  msg.nak(redeliveryDelay(deliveries, ctx));
};
