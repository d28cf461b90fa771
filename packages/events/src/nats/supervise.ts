import type { ConsumeOptions, Consumer, ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';

/**
 * Keeps one durable's `consume()` pulling through outages.
 *
 * When the connection comes back (or the server's heartbeats stop), the client library checks that
 * the consumer still exists and then pulls again. If that check fails, because JetStream is not
 * answering yet right after the server returned, the library tries again only after 15–45 s (its
 * retry delay is the pull expiry, 30 s, with jitter), and meanwhile nothing is pulled: the events
 * the outbox relay publishes within seconds sit in the stream. So after a reconnect or missed
 * heartbeats, if no pull went out within a short grace period, the check is repeated here every
 * 100 ms to 1 s and, once it passes, a fresh `consume()` takes over (the old one hands out what it
 * had already received, then ends).
 */
export interface SupervisedConsume {
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  readonly consumer: Consumer;
  readonly consumeOptions: ConsumeOptions;
  /** Runs over one `consume()`; resolves when that one has ended and its messages are handled. */
  readonly run: (messages: ConsumerMessages) => Promise<void>;
  /** Reconnects of this connection trigger the check. */
  readonly connection?: NatsConnection;
  readonly logger: Logger;
  /** How long the library gets to pull again by itself; 1 s by default. */
  readonly graceMs?: number;
}

const RETRY_MS = [100, 250, 500, 1_000] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const superviseConsume = async (options: SuperviseOptions): Promise<SupervisedConsume> => {
  const { consumer, logger } = options;
  const graceMs = options.graceMs ?? 1_000;
  let stopped = false;
  let current: ConsumerMessages | undefined;
  let lastPull = Date.now();
  let restarting: Promise<void> | undefined;
  const loops: Promise<void>[] = [];

  const begin = async (): Promise<ConsumerMessages> => {
    const messages = await consumer.consume(options.consumeOptions);
    lastPull = Date.now();
    current = messages;
    loops.push(options.run(messages));
    void (async () => {
      for await (const status of messages.status()) {
        if (status.type === 'next') lastPull = Date.now();
        else if (status.type === 'heartbeats_missed') resumeIfStuck('heartbeats missed');
      }
    })();
    return messages;
  };

  /** Checks the consumer until it answers (or the library pulled again by itself), then consumes afresh. */
  const restart = async (since: number, reason: string): Promise<void> => {
    for (let attempt = 0; !stopped && lastPull < since; attempt++) {
      try {
        await consumer.info();
        const previous = current;
        await begin();
        previous?.stop();
        logger.info({ reason }, 'NATS consumer resumed');
        return;
      } catch (error) {
        logger.debug({ err: error, reason }, 'NATS consumer not reachable yet');
        await sleep(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 1_000);
      }
    }
  };

  const resumeIfStuck = (reason: string): void => {
    const since = Date.now();
    setTimeout(() => {
      if (stopped || restarting || lastPull >= since) return;
      restarting = restart(since, reason)
        .catch((error: unknown) => logger.warn({ err: error }, 'NATS consumer could not be resumed'))
        .finally(() => {
          restarting = undefined;
        });
    }, graceMs).unref();
  };

  if (options.connection) {
    const statuses = options.connection.status();
    void (async () => {
      for await (const status of statuses) {
        if (stopped) break;
        if (status.type === 'reconnect') resumeIfStuck('reconnected');
      }
    })();
  }
  await begin();
  return {
    async stop() {
      stopped = true;
      await restarting;
      current?.stop();
      await Promise.all(loops);
    },
  };
};
