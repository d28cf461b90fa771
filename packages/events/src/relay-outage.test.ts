import { openPostgres, runMigrations } from '@rustok/db';
import { createRegistry, generateId } from '@rustok/kernel';
import { createThrowawayDatabase, postgresSkipReason, startTcpProxy, testBackends, testConfig } from '@rustok/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from './bus.js';
import { eventsModule } from './module.js';
import { countRows, waitUntil } from './test-fixtures/bus.js';
import { shopModule, switchable } from './test-fixtures/shop.js';

const postgres = testBackends().find((b) => b.name === 'postgres');

describe.skipIf(!postgres)(
  `outbox relay through a database outage [postgres${postgres ? '' : `: skipped, ${postgresSkipReason()}`}]`,
  () => {
    it('keeps running while PostgreSQL is unreachable, delivers once it is back, and stops promptly', async () => {
      const scratch = await createThrowawayDatabase(postgres?.url ?? '');
      const target = new URL(scratch.url);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      target.host = `127.0.0.1:${proxy.port}`;
      const counter = switchable('shop.counter', ['shop.order.*']);
      const registry = createRegistry([eventsModule, shopModule([counter.handler])]);
      const db = await openPostgres({
        url: target.toString(),
        appRole: 'rustok_app',
        connectTimeoutMs: 500,
        ownerSetup: (owner) => runMigrations(owner, registry.modules, { appRole: 'rustok_app' }).then(() => {}),
      });
      const bus = createEventBus({
        settings: { ...testConfig().settings.rustok.events, relay_poll_ms: 100 },
        db,
        modules: registry.modules,
        logger: pino({ level: 'silent' }),
      });
      try {
        await bus.start();
        await proxy.cut();
        await new Promise((r) => setTimeout(r, 1_500)); // several failing iterations
        await proxy.restore();
        await waitUntil(async () => {
          try {
            await db.transaction((tx) =>
              bus.publishInTx(tx, { type: 'shop.order.cancelled', tenantId: generateId(), payload: { orderId: generateId() } }),
            );
            return true;
          } catch {
            return false;
          }
        }, 10_000);
        await waitUntil(async () => (await countRows(db, 'SELECT 1 FROM shop_effects')) === 1, 10_000);
        await proxy.cut();
        const stopping = Date.now();
        await bus.stop();
        expect(Date.now() - stopping).toBeLessThan(2_000);
      } finally {
        await proxy.restore();
        await db.close();
        await proxy.close();
        await scratch.drop();
      }
    });
  },
);
