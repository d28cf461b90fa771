import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { type EventHandlerDeclaration, generateId, runInScope } from '@rustok/kernel';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BusFixture, openBus } from './test-fixtures/bus.js';
import { shopModule } from './test-fixtures/shop.js';

const seen: { traceId?: string; correlationId?: string }[] = [];
const observer: EventHandlerDeclaration = {
  consumer: 'shop.observer',
  types: ['shop.order.cancelled'],
  handle: async (event) => {
    seen.push({ traceId: trace.getActiveSpan()?.spanContext().traceId, correlationId: event.correlationId });
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

it('carries the trace id and the request correlation id into the envelope, and handlers continue the trace', async () => {
  const traceId = 'aa'.repeat(16);
  const parent = trace.setSpanContext(context.active(), { traceId, spanId: 'bb'.repeat(8), traceFlags: 1 });
  const event = await context.with(parent, () =>
    runInScope({ requestId: 'req-1', correlationId: 'corr-42' }, () =>
      f.db.transaction((tx) =>
        f.bus.publishInTx(tx, { type: 'shop.order.cancelled', tenantId: generateId(), payload: { orderId: generateId() } }),
      ),
    ),
  );
  expect(event).toMatchObject({ traceId, correlationId: 'corr-42' });
  await f.bus.relay?.runOnce();
  expect(seen).toEqual([{ traceId, correlationId: 'corr-42' }]);
});
