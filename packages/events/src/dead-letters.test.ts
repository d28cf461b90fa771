import { generateId } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type BusFixture, countRows, openBus } from './test-fixtures/bus.js';
import { shopModule, switchable } from './test-fixtures/shop.js';

const tenant = generateId();
const cancelled = () => ({ type: 'shop.order.cancelled', tenantId: tenant, payload: { orderId: generateId() } });

describeEachBackend('retries, dead letters and replay', (backend) => {
  let f: BusFixture;
  const good = switchable('shop.good', ['shop.order.cancelled']);
  const flaky = switchable('shop.flaky', ['shop.order.cancelled']);

  beforeEach(async () => {
    good.state.mode = 'record';
    flaky.state.mode = 'fail';
    flaky.state.calls = 0;
    f = await openBus(backend, [shopModule([good.handler, flaky.handler])], { max_attempts: 3, backoff_base_ms: 1, backoff_max_ms: 2 });
  });
  afterEach(() => f.close());

  const effects = (consumer: string) => countRows(f.db, 'SELECT 1 FROM shop_effects WHERE consumer = $1', [consumer]);
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      await f.bus.relay?.runOnce();
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('retries with backoff, then moves the event to the dead letters with its error; the other consumer ran once', async () => {
    const event = await f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
    await drain();
    const { rows } = await f.db.query<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM sys_events',
    );
    expect(rows).toEqual([{ status: 'dead', attempts: 3, last_error: 'shop.flaky: shop.flaky refuses shop.order.cancelled' }]);
    const dlq = await f.bus.listDeadLetters(10);
    expect(dlq.items).toEqual([
      expect.objectContaining({
        id: event.id,
        type: 'shop.order.cancelled',
        attempts: 3,
        failedConsumers: ['shop.flaky'],
        lastError: expect.stringContaining('refuses'),
      }),
    ]);
    expect(await effects('shop.good')).toBe(1);
    expect(await effects('shop.flaky')).toBe(0);
    // 3 relay attempts, each with the dispatcher's immediate retries (1 + 2)
    expect(flaky.state.calls).toBe(9);
    const stats = await f.bus.stats();
    expect(stats).toMatchObject({ backlog: 0, deadLetters: 1, byType: [{ type: 'shop.order.cancelled', published: 1, dead: 1 }] });
  });

  it('replays a dead letter once the handler is fixed: delivered once, the other consumer not again', async () => {
    const event = await f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
    await drain();
    await expect(f.bus.replayDeadLetter(event.id)).rejects.toMatchObject({ code: 'EVENTS_REPLAY_FAILED', status: 409 });
    flaky.state.mode = 'record';
    expect(await f.bus.replayDeadLetter(event.id)).toEqual({ id: event.id, type: 'shop.order.cancelled' });
    expect(await effects('shop.flaky')).toBe(1);
    expect(await effects('shop.good')).toBe(1);
    await expect(f.bus.replayDeadLetter(event.id)).rejects.toMatchObject({ code: 'EVENTS_DEAD_LETTER_NOT_FOUND', status: 404 });
    expect((await f.bus.listDeadLetters(10)).items).toEqual([]);
    expect((await f.db.query('SELECT status FROM sys_events')).rows).toEqual([{ status: 'dispatched' }]);
  });

  it('a failing event does not hold back the others', async () => {
    await f.db.transaction((tx) => f.bus.publishInTx(tx, cancelled()));
    flaky.state.before = undefined;
    good.state.seen.length = 0;
    await f.db.transaction((tx) =>
      f.bus.publishInTx(tx, { type: 'shop.order.placed', tenantId: tenant, payload: { orderId: generateId(), totals: [] } }),
    );
    await drain();
    expect(await countRows(f.db, "SELECT 1 FROM sys_events WHERE type = 'shop.order.placed' AND status = 'dispatched'")).toBe(1);
  });
});
