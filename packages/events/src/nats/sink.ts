import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import type { EventEnvelope } from '@rustok/kernel';
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { DeliveryResult, EventSink } from '../types.js';
import type { NatsSubjects } from './subjects.js';

export type BreakerOptions = Pick<
  CircuitBreaker.Options,
  'timeout' | 'errorThresholdPercentage' | 'resetTimeout' | 'volumeThreshold' | 'rollingCountTimeout' | 'rollingCountBuckets'
>;

export interface NatsSinkOptions {
  readonly js: JetStreamClient;
  readonly subjects: NatsSubjects;
  readonly logger: Logger;
  readonly breaker?: BreakerOptions;
  /** Milliseconds to wait for a PubAck; 5 s by default. */
  readonly publishTimeoutMs?: number;
  /** False while the connection is down: the sink then refuses at once (and reports unavailable). */
  readonly isConnected?: () => boolean;
}

export interface NatsSink extends EventSink {
  available(): boolean;
  /** 'closed' | 'open' | 'halfOpen' */
  breakerState(): 'closed' | 'open' | 'halfOpen';
  /** Stops the breaker's timers. */
  shutdown(): void;
}

type PublishArgs = [subject: string, data: string, msgID: string];

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2_000);

const createBreaker = (options: NatsSinkOptions): CircuitBreaker<PublishArgs, PubAck> => {
  const timeout = options.publishTimeoutMs ?? 5_000;
  const publish = (subject: string, data: string, msgID: string): Promise<PubAck> => options.js.publish(subject, data, { msgID, timeout });
  const breaker = new CircuitBreaker<PublishArgs, PubAck>(publish, {
    timeout: timeout + 1_000,
    errorThresholdPercentage: 50,
    resetTimeout: 5_000,
    volumeThreshold: 5,
    ...options.breaker,
  });
  breaker.on('open', () => options.logger.warn({ breaker: 'nats-publish' }, 'NATS publish circuit opened'));
  breaker.on('close', () => options.logger.info({ breaker: 'nats-publish' }, 'NATS publish circuit closed'));
  return breaker;
};

/**
 * An EventSink that publishes each envelope to its JetStream subject with `Nats-Msg-Id` = the
 * event id (so a re-sent event is stored once) and waits for the PubAck. Publishing goes through
 * a circuit breaker; a failure is transient (the outbox keeps the event and tries again).
 */
export const createNatsSink = (options: NatsSinkOptions): NatsSink => {
  const breaker = createBreaker(options);
  const connected = options.isConnected ?? (() => true);

  const publishOne = async (event: EventEnvelope): Promise<DeliveryResult> => {
    if (!connected()) return { ok: false, transient: true, consumers: [], error: 'NATS is disconnected' };
    try {
      await breaker.fire(options.subjects.subjectFor(event), JSON.stringify(event), event.id);
      return { ok: true };
    } catch (error) {
      return { ok: false, transient: true, consumers: [], error: errorText(error) };
    }
  };

  return {
    async deliver(events) {
      // Start every publish, then wait: the PubAcks come back pipelined.
      const outcomes = await Promise.all(events.map(publishOne));
      return new Map(events.map((event, i) => [event.id, outcomes[i] as DeliveryResult]));
    },
    available: () => connected() && !breaker.opened,
    breakerState: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'halfOpen' : 'closed'),
    shutdown: () => breaker.shutdown(),
  };
};
