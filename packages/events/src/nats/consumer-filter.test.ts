import { generateId } from '@rustok/kernel';
import type { TcpProxy } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusFixture, countRows, openBus, waitUntil } from '../test-fixtures/bus.js';
import { shopModule, switchable } from '../test-fixtures/shop.js';
import type { NatsStreaming } from './index.js';
import { natsTitle, natsUrl, proxiedStreaming, removeProxiedStreams } from './test-fixtures/streaming.js';

const url = natsUrl();
const tenant = generateId();
const cancelled = () => ({ type: 'shop.order.cancelled', tenantId: tenant, payload: { orderId: generateId() } });

/** A consumers process with `server.consumers`: only the selected durables pull; the others' events wait for their own processes. */
describe.skipIf(!url)(natsTitle('a consumers process that runs some consumers only'), () => {
  let proxy: TcpProxy;
  let streaming: NatsStreaming;
  let f: BusFixture;
  const chosen = switchable('shop.chosen', ['shop.order.*']);
  const other = switchable('shop.other', ['shop.order.*']);

  beforeAll(async () => {
    ({ proxy, streaming } = await proxiedStreaming(url ?? ''));
    f = await openBus(
      { name: 'pglite' },
      [shopModule([chosen.handler, other.handler])],
      { transport: 'nats', relay_poll_ms: 100 },
      streaming,
      { relay: true, consumers: true, selects: (consumer) => consumer === 'shop.chosen' },
    );
    await f.bus.start();
  });
  afterAll(async () => {
    await f?.close();
    await removeProxiedStreams(url ?? '', streaming, proxy);
  });

  const effects = (consumer: string) => countRows(f.db, 'SELECT 1 FROM shop_effects WHERE consumer = $1', [consumer]);

  it('handles the events with the selected consumers, and leaves the others to their own processes', async () => {
    await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [cancelled(), cancelled(), cancelled()]));
    await waitUntil(async () => (await effects('shop.chosen')) === 3, 10_000);
    // The relay published them all; nothing here pulls for shop.other (another process would, from its durable).
    await waitUntil(async () => (await countRows(f.db, "SELECT 1 FROM sys_events WHERE status = 'dispatched'")) === 3, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await effects('shop.other')).toBe(0);
    expect(other.state.calls).toBe(0);
  });
});
