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

describe.skipIf(!url)(natsTitle('event bus on the nats transport'), () => {
  let proxy: TcpProxy;
  let streaming: NatsStreaming;
  let f: BusFixture;
  const counter = switchable('shop.counter', ['shop.order.*']);
  const broken = switchable('shop.broken', ['shop.order.cancelled']);

  beforeAll(async () => {
    ({ proxy, streaming } = await proxiedStreaming(url ?? ''));
    broken.state.mode = 'fail';
    f = await openBus(
      { name: 'pglite' },
      [shopModule([counter.handler, broken.handler])],
      {
        transport: 'nats',
        max_attempts: 2,
        backoff_base_ms: 50,
        backoff_max_ms: 100,
        relay_poll_ms: 100,
      },
      streaming,
    );
    await f.bus.start();
  });
  afterAll(async () => {
    await f?.close();
    await removeProxiedStreams(url ?? '', streaming, proxy);
  });

  const effects = (consumer: string) => countRows(f.db, 'SELECT 1 FROM shop_effects WHERE consumer = $1', [consumer]);

  it('goes outbox → JetStream → durable consumer → handler, once', async () => {
    expect(f.bus.transport.reliabilityLevel).toBe('streaming');
    await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [cancelled(), cancelled(), cancelled()]));
    await waitUntil(async () => (await effects('shop.counter')) === 3, 10_000);
    expect(await countRows(f.db, "SELECT 1 FROM sys_events WHERE status = 'dispatched'")).toBe(3);
  });

  it('records a consumer that keeps failing in the dead-letter table the admin API reads', async () => {
    await waitUntil(async () => (await f.bus.listDeadLetters(10)).items.length === 3, 15_000);
    const { items } = await f.bus.listDeadLetters(10);
    expect(items.every((i) => i.failedConsumers.includes('shop.broken') && i.lastError.includes('refuses'))).toBe(true);
    broken.state.mode = 'record';
    const first = items[0];
    if (!first) throw new Error('no dead letter');
    await f.bus.replayDeadLetter(first.id);
    expect(await effects('shop.broken')).toBe(1);
    expect(await effects('shop.counter')).toBe(3);
  });

  it('keeps events in the outbox while NATS is unreachable and drains them when it returns', async () => {
    await proxy.cut();
    await waitUntil(async () => !streaming.isConnected(), 5_000);
    await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [cancelled(), cancelled()]));
    await new Promise((r) => setTimeout(r, 1_000));
    const pending = await f.db.query<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM sys_events WHERE status <> 'dispatched'",
    );
    expect(pending.rows).toHaveLength(2);
    expect(pending.rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    await proxy.restore();
    await waitUntil(async () => (await effects('shop.counter')) === 5, 20_000);
    expect(await countRows(f.db, "SELECT 1 FROM sys_events WHERE status = 'dispatched'")).toBe(5);
  });
});
