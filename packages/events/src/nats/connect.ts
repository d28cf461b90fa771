import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { HealthResult } from '@rustok/kernel';
import type { Logger } from 'pino';
import type { EventMetrics } from '../metrics.js';
import { type NatsConsumerOptions, type NatsConsumers, startNatsConsumers } from './consumers.js';
import { type ReplayOptions, type ReplayResult, replayEvents, startReplayGroup } from './replay.js';
import { type BreakerOptions, createNatsSink, type NatsSink } from './sink.js';
import { ensureStreams, type StreamOptions } from './streams.js';
import { createSubjects, type NatsSubjects } from './subjects.js';

export interface NatsStreamingOptions {
  readonly url: string | readonly string[];
  readonly logger: Logger;
  readonly metrics?: EventMetrics;
  /** First subject token; `rustok` by default. */
  readonly root?: string;
  /** Stream-name prefix; `RUSTOK` by default. */
  readonly streamPrefix?: string;
  /** Prefix of durable consumer names; none by default. */
  readonly durablePrefix?: string;
  readonly streams?: StreamOptions;
  readonly breaker?: BreakerOptions;
  readonly publishTimeoutMs?: number;
  /** Pause between reconnect attempts; 2 s by default. Attempts never stop. */
  readonly reconnectTimeWaitMs?: number;
  /** Connection name shown by the server. */
  readonly name?: string;
}

export interface NatsStreaming {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly subjects: NatsSubjects;
  /** The outbox relay's sink when the reliability level is `streaming`. */
  readonly sink: NatsSink;
  isConnected(): boolean;
  startConsumers(options: NatsConsumerOptions): Promise<NatsConsumers>;
  /** A group that reads every stored event from the start (`reset` deletes its durables first). */
  startReplayGroup(options: NatsConsumerOptions & { readonly group: string; readonly reset?: boolean }): Promise<NatsConsumers>;
  replay(options: Omit<ReplayOptions, 'js' | 'subjects'>): Promise<ReplayResult>;
  healthCheck(): Promise<HealthResult>;
  /** Stops the consumers started here, then drains and closes the connection. */
  close(): Promise<void>;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Follows the connection status (a NATS outage is survived: reconnect attempts never stop). */
const watchStatus = (nc: NatsConnection, logger: Logger, onChange: (connected: boolean) => void): void => {
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        onChange(false);
        logger.warn({ server: status.server }, 'NATS disconnected; publishing paused, events stay in the outbox');
      } else if (status.type === 'reconnect') {
        onChange(true);
        logger.info({ server: status.server }, 'NATS reconnected');
      }
    }
  })();
};

const checkHealth = async (streaming: Pick<NatsStreaming, 'isConnected' | 'jsm' | 'sink'>): Promise<HealthResult> => {
  if (!streaming.isConnected()) return { status: 'unavailable', reason: 'NATS is disconnected' };
  try {
    await streaming.jsm.getAccountInfo();
  } catch (error) {
    return { status: 'unavailable', reason: `JetStream does not answer: ${errorText(error)}` };
  }
  if (streaming.sink.breakerState() === 'open') return { status: 'degraded', reason: 'NATS publish circuit is open' };
  return { status: 'ok' };
};

/**
 * Connects to NATS, makes sure the streams exist, and returns the streaming transport: the sink
 * for the outbox relay, durable consumers for the handlers, replay and a health check.
 */
/** Connects with reconnect attempts that never stop, and follows whether the connection is up. */
const openConnection = async (options: NatsStreamingOptions): Promise<{ nc: NatsConnection; isConnected: () => boolean }> => {
  const nc = await connect({
    servers: typeof options.url === 'string' ? options.url : [...options.url],
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 2_000,
    name: options.name,
  });
  let connected = true;
  watchStatus(nc, options.logger, (up) => {
    connected = up;
  });
  return { nc, isConnected: () => connected && !nc.isClosed() };
};

/** Drains the connection; during an outage a drain cannot finish, so it is closed after a while. */
const drainOrClose = async (nc: NatsConnection, timeoutMs = 5_000): Promise<void> => {
  if (nc.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([nc.drain().catch(() => undefined), timeout]);
  clearTimeout(timer);
  if (!nc.isClosed()) await nc.close();
};

/** Consumer groups started through one connection, so `close()` stops them first. */
const consumerRegistry = () => {
  const started = new Set<NatsConsumers>();
  return {
    track(consumers: NatsConsumers): NatsConsumers {
      started.add(consumers);
      return { durables: consumers.durables, stop: () => consumers.stop().finally(() => started.delete(consumers)) };
    },
    stopAll: () => Promise.all([...started].map((c) => c.stop())),
  };
};

/**
 * Connects to NATS, makes sure the streams exist, and returns the streaming transport: the sink
 * for the outbox relay, durable consumers for the handlers, replay and a health check.
 */
export const connectNatsStreaming = async (options: NatsStreamingOptions): Promise<NatsStreaming> => {
  const { logger, metrics } = options;
  const { nc, isConnected } = await openConnection(options);
  const subjects = createSubjects({ root: options.root, streamPrefix: options.streamPrefix, durablePrefix: options.durablePrefix });
  let jsm: JetStreamManager;
  try {
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, subjects, options.streams);
  } catch (error) {
    await nc.close();
    throw error;
  }
  const js = jetstream(nc);
  const sink = createNatsSink({ js, subjects, logger, isConnected, breaker: options.breaker, publishTimeoutMs: options.publishTimeoutMs });
  const registry = consumerRegistry();
  const deps = { js, jsm, subjects, logger, metrics, nc };
  const streaming: NatsStreaming = {
    nc,
    js,
    jsm,
    subjects,
    sink,
    isConnected,
    startConsumers: async (opts) => registry.track(await startNatsConsumers({ ...deps, ...opts })),
    startReplayGroup: async (opts) => registry.track(await startReplayGroup({ ...deps, ...opts })),
    replay: (opts) => replayEvents({ ...opts, js, subjects }),
    healthCheck: () => checkHealth(streaming),
    async close() {
      await registry.stopAll();
      sink.shutdown();
      await drainOrClose(nc);
    },
  };
  return streaming;
};
