import { defineModule, type EventEnvelope, type EventHandlerDeclaration, generateId } from '@rustok/kernel';
import pino from 'pino';
import { inject } from 'vitest';
import { outboxMigrations } from '../../outbox/migrations.js';

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

export const makeEnvelope = (tenantId: string, type: string, id = generateId()): EventEnvelope => ({
  id,
  type,
  schemaVersion: 1,
  tenantId,
  actorId: null,
  correlationId: id,
  causationId: null,
  traceId: null,
  occurredAt: new Date().toISOString(),
  retryCount: 0,
  payload: { n: id },
});

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
