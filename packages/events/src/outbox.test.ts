import { AppError, type EventEnvelope, type EventHandlerDeclaration, generateId } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type BusFixture, countRows, openBus, waitUntil } from './test-fixtures/bus.js';
import { shopModule, switchable } from './test-fixtures/shop.js';

const tenant = generateId();
const placed = (note?: string) => ({
  type: 'shop.order.placed',
  schemaVersion: 1,
  tenantId: tenant,
  payload: { orderId: generateId(), email: 'ann@example.com', total: 1999, currencyCode: 'EUR', channel: 'web', ...(note ? { note } : {}) },
});

describeEachBackend('outbox', (backend) => {
  let f: BusFixture;
  const counter = switchable('shop.counter', ['shop.order.*']);
  const mailer = switchable('shop.mailer', ['shop.order.placed']);
  /** A batch consumer: each call records how many events it got, in one row per event. */
  const batches: string[][] = [];
  const batcher: EventHandlerDeclaration = {
    consumer: 'shop.batcher',
    types: ['shop.order.placed'],
    handle: () => Promise.reject(new Error('a batch consumer is called with batches')),
    handleBatch: async (events, ctx) => {
      batches.push(events.map((e) => e.id));
      for (const event of events)
        await ctx.tx.query('INSERT INTO shop_effects (consumer, event_id, tenant_id) VALUES ($1, $2, $3)', [
          'shop.batcher',
          event.id,
          ctx.tenantId,
        ]);
    },
  };

  /** Publishes a follow-up event (the order cancelled) for an order placed with the note "cancel". */
  const follower: EventHandlerDeclaration = {
    consumer: 'shop.follower',
    types: ['shop.order.placed'],
    handle: async (event, ctx) => {
      const payload = event.payload as { orderId: string; note?: string };
      if (payload.note !== 'cancel') return;
      if (!ctx.publish) throw new Error('the dispatcher gives handlers no publish');
      await ctx.publish('shop.order.cancelled', { orderId: payload.orderId });
    },
  };

  /**
   * Work after the commit: notes whether its handler's effect is visible outside the transaction by
   * then; with the note "fail-after" the handler registers the work and then fails.
   */
  const afterWork: { visible: number[] } = { visible: [] };
  const later: EventHandlerDeclaration = {
    consumer: 'shop.later',
    types: ['shop.order.placed'],
    handle: async (event, ctx) => {
      if (!ctx.afterCommit) throw new Error('the dispatcher gives handlers no afterCommit');
      await ctx.tx.query('INSERT INTO shop_effects (consumer, event_id, tenant_id) VALUES ($1, $2, $3)', [
        'shop.later',
        event.id,
        ctx.tenantId,
      ]);
      ctx.afterCommit(async () => {
        afterWork.visible.push(await effects('shop.later'));
      });
      if ((event.payload as { note?: string }).note === 'fail-after') throw new Error('failed after registering work');
    },
  };

  beforeEach(async () => {
    afterWork.visible = [];
    counter.state.mode = 'record';
    mailer.state.mode = 'record';
    counter.state.before = undefined;
    batches.length = 0;
    f = await openBus(backend, [shopModule([counter.handler, mailer.handler, batcher, follower, later])]);
  });
  afterEach(() => f.close());

  const effects = (consumer: string) => countRows(f.db, 'SELECT 1 FROM shop_effects WHERE consumer = $1', [consumer]);

  it('writes nothing when the transaction rolls back, and the event when it commits', async () => {
    const attempt = f.db.transaction(
      async (tx) => {
        await tx.query('INSERT INTO shop_orders (id, tenant_id) VALUES ($1, $2)', [generateId(), tenant]);
        await f.bus.publishInTx(tx, placed());
        throw new Error('payment declined');
      },
      { tenantId: tenant },
    );
    await expect(attempt).rejects.toThrow('payment declined');
    expect(await countRows(f.db, 'SELECT 1 FROM sys_events')).toBe(0);

    const envelope = await f.db.transaction((tx) => f.bus.publishInTx(tx, placed()), { tenantId: tenant });
    const { rows } = await f.db.query<{ type: string; status: string; envelope: { id: string; payload: unknown } }>(
      'SELECT type, status, envelope FROM sys_events',
    );
    expect(rows).toEqual([{ type: 'shop.order.placed', status: 'pending', envelope: expect.objectContaining({ id: envelope.id }) }]);
    expect(envelope).toMatchObject({ schemaVersion: 1, tenantId: tenant, retryCount: 0, correlationId: envelope.id, causationId: null });
  });

  it('refuses an invalid event before writing anything, listing every failing field', async () => {
    const bad = {
      type: 'shop.order.placed',
      schemaVersion: 1,
      tenantId: '00000000-0000-0000-0000-000000000000',
      payload: {
        orderId: '00000000-0000-0000-0000-000000000000',
        email: 'not-an-email',
        total: 1.5,
        currencyCode: 'EURO',
        channel: 'fax',
        note: 'x'.repeat(21),
      },
    };
    const attempt = f.db.transaction(async (tx) => {
      await tx.query('INSERT INTO shop_orders (id, tenant_id) VALUES ($1, $2)', [generateId(), tenant]);
      await f.bus.publishInTx(tx, bad);
    });
    const error = (await attempt.catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('EVENT_INVALID');
    expect([...new Set(error.errors.map((e) => e.path))].sort()).toEqual(
      [
        '/payload/channel',
        '/payload/currencyCode',
        '/payload/email',
        '/payload/note',
        '/payload/orderId',
        '/payload/total',
        '/tenantId',
      ].sort(),
    );
    expect(await countRows(f.db, 'SELECT 1 FROM sys_events')).toBe(0);
    expect(await countRows(f.db, 'SELECT 1 FROM shop_orders')).toBe(0);
    await expect(f.db.transaction((tx) => f.bus.publishInTx(tx, { ...placed(), type: 'shop.order.lost' }))).rejects.toMatchObject({
      code: 'EVENT_UNKNOWN_TYPE',
    });
    await expect(
      f.db.transaction((tx) => f.bus.publishInTx(tx, { ...placed(), payload: { ...placed().payload, extra: 1 } })),
    ).rejects.toMatchObject({
      code: 'EVENT_INVALID',
    });
  });

  it('keeps old versions readable and defaults to the latest', async () => {
    const v2 = await f.db.transaction((tx) =>
      f.bus.publishInTx(tx, {
        type: 'shop.order.placed',
        tenantId: tenant,
        payload: { orderId: generateId(), totals: [{ amount: 5, currencyCode: 'USD' }] },
      }),
    );
    expect(v2.schemaVersion).toBe(2);
    const v1 = await f.db.transaction((tx) => f.bus.publishInTx(tx, placed()));
    expect(v1.schemaVersion).toBe(1);
  });

  it('delivers to every consumer once; redelivery has no second effect', async () => {
    await f.db.transaction((tx) =>
      f.bus.publishBatchInTx(tx, [
        placed(),
        placed(),
        { type: 'shop.order.cancelled', tenantId: tenant, payload: { orderId: generateId() } },
      ]),
    );
    expect(await f.bus.relay?.runOnce()).toBe(3);
    expect(await effects('shop.counter')).toBe(3);
    expect(await effects('shop.mailer')).toBe(2);
    expect(await countRows(f.db, "SELECT 1 FROM sys_events WHERE status = 'dispatched'")).toBe(3);
    // Put the events back as if a crashed relay had never marked them: receipts stop a second effect.
    await f.db.query("UPDATE sys_events SET status = 'pending', attempts = 0");
    expect(await f.bus.relay?.runOnce()).toBe(3);
    expect(await effects('shop.counter')).toBe(3);
    expect(await effects('shop.mailer')).toBe(2);
  });

  it('lets a handler publish a follow-up event in its own transaction, caused by the handled event', async () => {
    const origin = await f.db.transaction((tx) => f.bus.publishInTx(tx, placed('cancel')), { tenantId: tenant });
    expect(await f.bus.relay?.runOnce()).toBe(1);
    const { rows } = await f.db.query<{ envelope: EventEnvelope }>("SELECT envelope FROM sys_events WHERE type = 'shop.order.cancelled'");
    expect(rows.map((r) => r.envelope)).toEqual([
      expect.objectContaining({
        tenantId: tenant,
        causationId: origin.id,
        correlationId: origin.correlationId,
        payload: { orderId: origin.payload.orderId },
      }),
    ]);
    // The follow-up is delivered in its turn, like any event.
    expect(await f.bus.relay?.runOnce()).toBe(1);
    expect(await effects('shop.counter')).toBe(2);
  });

  it("runs a handler's after-commit work once its transaction committed, and never when it rolled back", async () => {
    await f.db.transaction((tx) => f.bus.publishInTx(tx, placed()), { tenantId: tenant });
    expect(await f.bus.relay?.runOnce()).toBe(1);
    await waitUntil(async () => afterWork.visible.length === 1);
    // The work ran after the commit: the handler's row was visible from outside the transaction.
    expect(afterWork.visible).toEqual([1]);

    await f.db.transaction((tx) => f.bus.publishInTx(tx, placed('fail-after')), { tenantId: tenant });
    await f.bus.relay?.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(afterWork.visible).toEqual([1]);
    expect(await effects('shop.later')).toBe(1);
  });

  it('gives a batch consumer the fresh events of a delivery in one call, in id order, and skips handled ones', async () => {
    const first = await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [placed(), placed(), placed()]), { tenantId: tenant });
    expect(await f.bus.relay?.runOnce()).toBe(3);
    expect(batches).toEqual([first.map((e) => e.id).sort()]);
    // Redelivered together with a new one: the batch holds only the new event, nothing runs twice.
    await f.db.query("UPDATE sys_events SET status = 'pending', attempts = 0");
    const [fresh] = await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [placed()]), { tenantId: tenant });
    expect(await f.bus.relay?.runOnce()).toBe(4);
    expect(batches).toEqual([first.map((e) => e.id).sort(), [fresh?.id]]);
    expect(await effects('shop.batcher')).toBe(4);
  });

  it("measures each relay batch (its events, the time of its claim, delivery and settling) and each event's lag", async () => {
    await f.db.transaction((tx) => f.bus.publishBatchInTx(tx, [placed(), placed(), placed()]), { tenantId: tenant });
    const before = Date.now();
    expect(await f.bus.relay?.runOnce()).toBe(3);
    const spent = (Date.now() - before) / 1000;
    /** The metrics as the registry reports them now: a series' value. */
    const scrape = async () => {
      const text = await f.bus.metrics.registry.metrics();
      return (series: string) =>
        Number(
          text
            .split('\n')
            .find((l) => l.startsWith(`${series} `))
            ?.split(' ')[1] ?? Number.NaN,
        );
    };
    let value = await scrape();
    expect(value('rustok_events_relay_batch_events_count')).toBe(1);
    expect(value('rustok_events_relay_batch_events_sum')).toBe(3);
    for (const phase of ['claim', 'deliver', 'settle']) {
      expect(value(`rustok_events_relay_phase_seconds_count{phase="${phase}"}`)).toBe(1);
      expect(value(`rustok_events_relay_phase_seconds_sum{phase="${phase}"}`)).toBeLessThanOrEqual(spent + 0.001);
    }
    expect(value('rustok_events_delivery_lag_seconds_count')).toBe(3);
    expect(value('rustok_events_delivery_lag_seconds_sum')).toBeGreaterThan(0);
    // Nothing to claim: no batch, nothing observed.
    expect(await f.bus.relay?.runOnce()).toBe(0);
    value = await scrape();
    expect(value('rustok_events_relay_batch_events_count')).toBe(1);
    expect(value('rustok_events_relay_phase_seconds_count{phase="claim"}')).toBe(1);
  });

  it('wakes on NOTIFY: a committed event is handled long before the polling interval', async () => {
    await f.bus.start();
    const started = Date.now();
    await f.db.transaction((tx) => f.bus.publishInTx(tx, placed()), { tenantId: tenant });
    await waitUntil(async () => (await effects('shop.counter')) === 1, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000); // the poll interval is 60 s in this fixture
  });

  it('lingers after a wake-up while events stream in, so that one batch carries several commits', async () => {
    await f.close();
    f = await openBus(backend, [shopModule([counter.handler, mailer.handler, batcher])], { relay_linger_ms: 300 });
    await f.bus.start();
    const publish = () => f.db.transaction((tx) => f.bus.publishInTx(tx, placed()), { tenantId: tenant });
    // After a quiet spell the first event is claimed at once, alone.
    const first = await publish();
    await waitUntil(async () => (await effects('shop.batcher')) === 1, 5_000);
    // Right behind it (a stream): the relay waits out the linger, and the two commits of that time go together.
    const second = await publish();
    const third = await publish();
    await waitUntil(async () => (await effects('shop.batcher')) === 3, 5_000);
    expect(batches).toEqual([[first.id], [second.id, third.id].sort()]);
  });
});
