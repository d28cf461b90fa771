import { CurrencyCode, defineModule, Email, type EventHandlerDeclaration, Id, MinorUnits } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';

export const OrderPlacedV1 = Type.Object(
  {
    orderId: Id(),
    email: Email(),
    total: MinorUnits(),
    currencyCode: CurrencyCode(),
    channel: Type.Union([Type.Literal('web'), Type.Literal('pos')]),
    note: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

const OrderPlacedV2 = Type.Object({
  orderId: Id(),
  totals: Type.Array(Type.Object({ amount: MinorUnits(), currencyCode: CurrencyCode() })),
});

/** A handler whose behaviour a test switches: record, fail, or run a custom body. */
export const switchable = (consumer: string, types: string[]) => {
  const state = {
    mode: 'record' as 'record' | 'fail',
    calls: 0,
    seen: [] as string[],
    before: undefined as undefined | ((id: string) => Promise<void>),
  };
  const handler: EventHandlerDeclaration = {
    consumer,
    types,
    handle: async (event, ctx) => {
      state.calls++;
      await state.before?.(event.id);
      if (state.mode === 'fail') throw new Error(`${consumer} refuses ${event.type}`);
      await ctx.tx.query('INSERT INTO shop_effects (consumer, event_id, tenant_id) VALUES ($1, $2, $3)', [
        consumer,
        event.id,
        ctx.tenantId,
      ]);
      state.seen.push(event.id);
    },
  };
  return { handler, state };
};

export const shopModule = (handlers: EventHandlerDeclaration[]) =>
  defineModule({
    slug: 'shop',
    name: 'Shop',
    description: 'event fixture',
    version: '1.0.0',
    kind: 'optional',
    migrations: [
      {
        name: 'm20260101_shop_001_tables',
        up: `CREATE TABLE shop_orders (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
             CREATE TABLE shop_effects (consumer text NOT NULL, event_id uuid NOT NULL, tenant_id uuid NOT NULL)`,
      },
    ],
    events: {
      emits: [
        { type: 'shop.order.placed', schemaVersion: 1, payload: OrderPlacedV1 },
        { type: 'shop.order.placed', schemaVersion: 2, payload: OrderPlacedV2 },
        { type: 'shop.order.cancelled', schemaVersion: 1, payload: Type.Object({ orderId: Id() }) },
      ],
      handles: handlers,
    },
  });
