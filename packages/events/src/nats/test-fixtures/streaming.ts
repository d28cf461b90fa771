import { defineModule, type EventEnvelope, type EventHandlerDeclaration, generateId } from '@rustok/kernel';
import { startTcpProxy, type TcpProxy } from '@rustok/testing';
import pino from 'pino';
import { inject } from 'vitest';
import { outboxMigrations } from '../../outbox/migrations.js';
import { testEnvelope } from '../../test-fixtures/envelope.js';
import { connectNatsStreaming, deleteStreams, type NatsStreaming } from '../index.js';

/** The NATS URL when NATS_URL is set and answers; the suite title says why it is skipped otherwise. */
export const natsUrl = (): string | undefined => inject('services').urls.nats;
export const natsTitle = (title: string): string => {
  const url = natsUrl();
  return `${title} [nats${url ? '' : `: skipped, ${inject('services').skipped.nats}`}]`;
};

export const silentLogger = pino({ level: 'silent' });

/** A subject root and stream prefix of their own, so test runs never see each other's events. */
export const uniqueNames = (): { root: string; streamPrefix: string } => {
  const run = generateId().replace(/-/g, '').slice(-10);
  return { root: `t${run}`, streamPrefix: `T${run}` };
};

/** Streaming to NATS through a TCP proxy (so a test can cut the line), with fast reconnects and a short breaker reset. */
export const proxiedStreaming = async (url: string): Promise<{ proxy: TcpProxy; streaming: NatsStreaming }> => {
  const target = new URL(url);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 4222));
  const streaming = await connectNatsStreaming({
    url: `nats://127.0.0.1:${proxy.port}`,
    logger: silentLogger,
    reconnectTimeWaitMs: 100,
    ...uniqueNames(),
    breaker: { resetTimeout: 200 },
  });
  return { proxy, streaming };
};

/** Deletes the streams of a test's streaming over a connection of its own, then closes the proxy. */
export const removeProxiedStreams = async (url: string, streaming: NatsStreaming, proxy: TcpProxy | undefined): Promise<void> => {
  const cleanup = await connectNatsStreaming({ url, logger: silentLogger, ...uniqueNames() });
  await deleteStreams(cleanup.jsm, streaming.subjects).catch(() => {});
  await cleanup.close();
  await proxy?.close();
};

export const eventsModule = defineModule({
  slug: 'events',
  name: 'Events',
  description: 'fixture',
  version: '1.0.0',
  kind: 'core',
  migrations: outboxMigrations,
});

export const fixtureModule = defineModule({
  slug: 'fixture',
  name: 'Fixture',
  description: 'fixture',
  version: '1.0.0',
  kind: 'optional',
  migrations: [
    {
      name: 'm20260101_fixture_001_handled',
      up: 'CREATE TABLE fixture_handled (consumer text NOT NULL, event_id uuid NOT NULL, instance text NOT NULL, PRIMARY KEY (consumer, event_id))',
    },
  ],
});

export const makeEnvelope = (tenantId: string, type: string, id = generateId()): EventEnvelope =>
  testEnvelope({ id, type, tenantId, correlationId: id, payload: { n: id } });

/** A handler that records which instance handled which event in `fixture_handled`. */
export const recorder = (consumer: string, instance: string, types = ['fixture.item.*']): EventHandlerDeclaration => ({
  consumer,
  types,
  async handle(event, ctx) {
    await new Promise((r) => setTimeout(r, 2));
    await ctx.tx.query('INSERT INTO fixture_handled (consumer, event_id, instance) VALUES ($1, $2, $3)', [consumer, event.id, instance]);
  },
});

export const waitFor = async (fn: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};
