import { generateId } from '@rustok/kernel';
import { type NatsServer, natsServerSkipReason, startNatsServer, type TcpProxy } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusFixture, countRows, openBus, waitUntil } from '../test-fixtures/bus.js';
import { shopModule, switchable } from '../test-fixtures/shop.js';
import { connectNatsStreaming, type NatsStreaming } from './index.js';
import { natsTitle, natsUrl, proxiedStreaming, removeProxiedStreams, silentLogger } from './test-fixtures/streaming.js';

const url = natsUrl();
const tenant = generateId();
const cancelled = () => ({ type: 'shop.order.cancelled', tenantId: tenant, payload: { orderId: generateId() } });

/**
 * Durable consumers after a NATS outage: the events published while NATS was away wait in the
 * outbox, reach JetStream when it returns, and the consumers must take them at once, not after a
 * pull request expires or a retry backoff runs out.
 */
describe.skipIf(!url)(natsTitle('durable consumers resume when NATS returns'), () => {
  let proxy: TcpProxy;
  let streaming: NatsStreaming;
  let f: BusFixture;
  const counter = switchable('shop.counter', ['shop.order.*']);

  beforeAll(async () => {
    ({ proxy, streaming } = await proxiedStreaming(url ?? ''));
    f = await openBus({ name: 'pglite' }, [shopModule([counter.handler])], { transport: 'nats', relay_poll_ms: 100 }, streaming);
    await f.bus.start();
  });
  afterAll(async () => {
    await f?.close();
    await removeProxiedStreams(url ?? '', streaming, proxy);
  });

  const effects = () => countRows(f.db, "SELECT 1 FROM shop_effects WHERE consumer = 'shop.counter'");

  it('handles the events published during an outage within seconds of NATS returning', async () => {
    await f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
    await waitUntil(async () => (await effects()) === 1, 10_000);

    for (const round of [1, 2]) {
      await proxy.cut();
      await waitUntil(async () => !streaming.isConnected(), 5_000);
      await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [cancelled(), cancelled(), cancelled()]));
      // Long enough for the consumers' pending pull and heartbeats to lapse.
      await new Promise((r) => setTimeout(r, 2_000));
      const before = await effects();
      await proxy.restore();
      const returned = Date.now();
      await waitUntil(async () => (await effects()) === before + 3, 30_000);
      const ms = Date.now() - returned;
      expect(ms, `round ${round}: handled ${ms} ms after NATS returned`).toBeLessThan(10_000);
    }
  }, 90_000);
});

const ownSkip = natsServerSkipReason();
describe.skipIf(ownSkip)(`durable consumers resume when a restarted NATS returns${ownSkip ? ` [skipped: ${ownSkip}]` : ''}`, () => {
  let server: NatsServer;
  let streaming: NatsStreaming;
  let f: BusFixture;
  const counter = switchable('shop.counter', ['shop.order.*']);

  beforeAll(async () => {
    server = await startNatsServer();
    streaming = await connectNatsStreaming({
      url: server.url,
      logger: silentLogger,
      reconnectTimeWaitMs: 100,
      breaker: { resetTimeout: 200 },
    });
    f = await openBus({ name: 'pglite' }, [shopModule([counter.handler])], { transport: 'nats', relay_poll_ms: 100 }, streaming);
    await f.bus.start();
  });
  afterAll(async () => {
    await f?.close();
    await server?.close();
  });

  const effects = () => countRows(f.db, "SELECT 1 FROM shop_effects WHERE consumer = 'shop.counter'");

  it('handles the events published while the server was down within seconds of JetStream being back', async () => {
    await f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
    await waitUntil(async () => (await effects()) === 1, 10_000);
    for (const round of [1, 2]) {
      await server.stop();
      await waitUntil(async () => !streaming.isConnected(), 5_000);
      await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [cancelled(), cancelled(), cancelled()]));
      const before = await effects();
      // The server answers again before JetStream does: the first consumer checks after reconnecting fail.
      await server.start({ jetstream: false });
      await waitUntil(async () => streaming.isConnected(), 5_000);
      await new Promise((r) => setTimeout(r, 1_000));
      await server.stop();
      await server.start();
      const returned = Date.now();
      await waitUntil(async () => (await effects()) === before + 3, 60_000);
      const ms = Date.now() - returned;
      expect(ms, `round ${round}: handled ${ms} ms after NATS returned`).toBeLessThan(10_000);
    }
  }, 150_000);
});
