import type { Database } from '@rustok/db';
import { createRegistry, type ModuleDefinition } from '@rustok/kernel';
import { openTestDatabase, type TestBackend, type TestDatabase, testConfig } from '@rustok/testing';
import pino from 'pino';
import { createEventBus, type EventBus, type EventRoles, type EventSettings, type StreamingLayer } from '../bus.js';
import { eventsModule } from '../module.js';

export interface BusFixture {
  readonly t: TestDatabase;
  readonly db: Database;
  readonly bus: EventBus;
  close(): Promise<void>;
}

/** A fresh database migrated for the events module and `modules`, and a bus over it. */
export const openBus = async (
  backend: TestBackend,
  modules: readonly ModuleDefinition[],
  settings: Partial<EventSettings> = {},
  streaming?: StreamingLayer,
  runs?: EventRoles,
): Promise<BusFixture> => {
  const registry = createRegistry([eventsModule, ...modules]);
  const t = await openTestDatabase(backend, registry.modules);
  const base = testConfig().settings.rustok.events;
  const bus = createEventBus({
    settings: { ...base, backoff_base_ms: 5, backoff_max_ms: 20, max_attempts: 3, relay_poll_ms: 60_000, ...settings },
    db: t.db,
    modules: registry.modules,
    logger: pino({ level: 'silent' }),
    streaming,
    runs,
  });
  return {
    t,
    db: t.db,
    bus,
    async close() {
      await bus.stop();
      await t.cleanup();
    },
  };
};

export const countRows = async (db: Database, sql: string, params: unknown[] = []): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) AS q`, params)).rows[0]?.n ?? -1;

export const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
