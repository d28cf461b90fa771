import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { type EventHandlerDeclaration, generateId, runInScope } from '@rustok/kernel';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BusFixture, openBus } from './test-fixtures/bus.js';
import { shopModule } from './test-fixtures/shop.js';

const seen: { traceId?: string; parentSpanId?: string; correlationId?: string }[] = [];
const observer: EventHandlerDeclaration = {
  consumer: 'shop.observer',
  types: ['shop.order.cancelled'],
  handle: async (event) => {
    // No tracer provider here: the handler's span records nothing but carries the publisher's span context.
    const active = trace.getActiveSpan()?.spanContext();
    seen.push({ traceId: active?.traceId, parentSpanId: active?.spanId, correlationId: event.correlationId });
  },
};

let f: BusFixture;
const manager = new AsyncLocalStorageContextManager();
beforeAll(async () => {
  context.setGlobalContextManager(manager.enable());
  f = await openBus({ name: 'pglite' }, [shopModule([observer])]);
});
afterAll(async () => {
  await f.close();
  manager.disable();
  context.disable();
});

it('carries the trace and span ids and the request correlation id into the envelope, and handlers continue the trace', async () => {
  const traceId = 'aa'.repeat(16);
  const parent = trace.setSpanContext(context.active(), { traceId, spanId: 'bb'.repeat(8), traceFlags: 1 });
  const event = await context.with(parent, () =>
    runInScope({ requestId: 'req-1', correlationId: 'corr-42' }, () =>
      f.db.transaction((tx) =>
        f.bus.publishInTx(tx, { type: 'shop.order.cancelled', tenantId: generateId(), payload: { orderId: generateId() } }),
      ),
    ),
  );
  expect(event).toMatchObject({ traceId, spanId: 'bb'.repeat(8), traceFlags: 1, correlationId: 'corr-42' });
  await f.bus.relay?.runOnce();
  expect(seen).toEqual([{ traceId, parentSpanId: 'bb'.repeat(8), correlationId: 'corr-42' }]);
});

it('leaves the trace fields empty when nothing is traced', async () => {
  const event = await f.db.transaction((tx) =>
    f.bus.publishInTx(tx, { type: 'shop.order.cancelled', tenantId: generateId(), payload: { orderId: generateId() } }),
  );
  expect(event.traceId).toBeNull();
  expect(event).not.toHaveProperty('spanId');
});
