import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import type { GraphQLBuilder } from '@rustok/kernel';

import { DISCOUNT_VALUE } from '../schemas/descriptions.js';

import type { Paged } from '../schemas/order.js';

import * as d from '../use-cases/shop/discounts.js';
import * as s from '../use-cases/shop/shipping-options.js';
import * as tr from '../use-cases/shop/tax-rates.js';
import { clean, idArg, pageArgs } from './catalog-types.js';

import type { OrderTypes } from './orders-types.js';

const manage = { permission: 'commerce.settings.manage' } as const;

const addInputs = (builder: GraphQLBuilder) => ({
  TaxRate: builder.inputType('CommerceTaxRateInput', {
    fields: (t) => ({ countryCode: t.string(), name: t.string(), rateBp: t.int() }),
  }),
  ShippingOption: builder.inputType('CommerceShippingOptionInput', {
    fields: (t) => ({ name: t.string(), currencyCode: t.string(), amount: t.float(), active: t.boolean() }),
  }),
  Discount: builder.inputType('CommerceDiscountInput', {
    fields: (t) => ({
      code: t.string(),
      kind: t.string(),
      value: t.float({ description: DISCOUNT_VALUE }),
      currencyCode: t.string(),
      usageLimit: t.int(),
      startsAt: t.string(),
      endsAt: t.string(),
      active: t.boolean(),
    }),
  }),
});

/** Connections of the three settings, for their list queries. */
const connection = (builder: GraphQLBuilder, name: string, item: unknown) =>
  builder.objectRef<Paged<unknown>>(`${name}Connection`).implement({
    fields: (t) => ({
      items: t.field({ type: [item as never], resolve: (p) => p.items as never }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });

interface Crud {
  list(ctx: never, page: { limit?: number; cursor?: string }): Promise<Paged<unknown>>;
  create(ctx: never, input: never): Promise<unknown>;
  update(ctx: never, id: string, patch: never): Promise<unknown>;
  remove(ctx: never, id: string): Promise<void>;
}

const addSetting = (builder: GraphQLBuilder, name: string, plural: string, ref: unknown, input: unknown, crud: Crud) => {
  const Connection = connection(builder, `Commerce${name}`, ref);
  const ctxOf = (ctx: Parameters<typeof graphqlContextOf>[0]) => graphqlContextOf(ctx) as never;
  builder.queryField(`commerce${plural}`, (t) =>
    t.field({
      type: Connection,
      authScopes: manage,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) => crud.list(ctxOf(ctx), pageArgs(a)) as never,
    }),
  );
  builder.mutationField(`createCommerce${name}`, (t) =>
    t.field({
      type: ref as never,
      authScopes: manage,
      args: { input: t.arg({ type: input as never, required: true }) },
      resolve: (_r, a, ctx) => crud.create(ctxOf(ctx), clean({ ...(a.input as object) }) as never) as never,
    }),
  );
  builder.mutationField(`updateCommerce${name}`, (t) =>
    t.field({
      type: ref as never,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: input as never, required: true }) },
      resolve: (_r, a, ctx) => crud.update(ctxOf(ctx), idArg(a.id), clean({ ...(a.input as object) }) as never) as never,
    }),
  );
  addDeleteMutation(builder, `deleteCommerce${name}`, { authScopes: manage, contextOf: ctxOf, remove: crud.remove });
};

/** Tax rates, shipping options and discount codes (commerce.settings.manage), and the storefront's shipping choices. */
export const addShopFields = (builder: GraphQLBuilder, types: OrderTypes): void => {
  const inputs = addInputs(builder);
  addSetting(builder, 'TaxRate', 'TaxRates', types.TaxRateRef, inputs.TaxRate, {
    list: tr.listTaxRates,
    create: tr.createTaxRate,
    update: tr.updateTaxRate,
    remove: tr.deleteTaxRate,
  } as unknown as Crud);
  addSetting(builder, 'ShippingOption', 'ShippingOptions', types.ShippingOptionRef, inputs.ShippingOption, {
    list: s.listShippingOptions,
    create: s.createShippingOption,
    update: s.updateShippingOption,
    remove: s.deleteShippingOption,
  } as unknown as Crud);
  addSetting(builder, 'Discount', 'Discounts', types.DiscountRef, inputs.Discount, {
    list: d.listDiscounts,
    create: d.createDiscount,
    update: d.updateDiscount,
    remove: d.deleteDiscount,
  } as unknown as Crud);
  builder.queryField('commerceStoreShippingOptions', (t) =>
    t.field({
      type: [types.ShippingOptionRef],
      authScopes: { public: true },
      args: { currencyCode: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => s.storeShippingOptions(graphqlContextOf(ctx), a.currencyCode),
    }),
  );
};
