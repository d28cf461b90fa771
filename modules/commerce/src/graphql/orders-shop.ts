import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import { connectionType, type GraphQLBuilder, type GraphQLInputRef, type GraphQLObjectRef, parseInput, withoutNulls } from '@rustok/kernel';
import { type Static, type TObject, Type } from '@sinclair/typebox';
import type { CommerceContext } from '../context.js';
import type { Paged } from '../schemas/order.js';
import { DiscountInput, DiscountPatch, ShippingOptionInput, ShippingOptionPatch, TaxRateInput, TaxRatePatch } from '../schemas/shop.js';
import * as d from '../use-cases/shop/discounts.js';
import * as s from '../use-cases/shop/shipping-options.js';
import * as tr from '../use-cases/shop/tax-rates.js';
import { commerceTypes, idArg, pageArgs } from './catalog-types.js';
import type { OrderTypes } from './orders-types.js';

const manage = { permission: 'commerce.settings.manage' } as const;

/**
 * One shop setting (tax rates, shipping options, discount codes) in GraphQL: its type, schemas and
 * use-cases. The setting itself is only passed on from the use-case to its type, so it is any object here.
 */
interface Setting<I extends TObject, P extends TObject> {
  readonly name: string;
  readonly plural: string;
  readonly ref: GraphQLObjectRef<object>;
  /** REST's schemas of a new one and of a change; GraphQL has one input with every field of a new one, all optional. */
  readonly input: I;
  readonly patch: P;
  list(ctx: CommerceContext, page: { limit?: number; cursor?: string }): Promise<Paged<object>>;
  create(ctx: CommerceContext, input: Static<I>): Promise<object>;
  update(ctx: CommerceContext, id: string, patch: Static<P>): Promise<object>;
  remove(ctx: CommerceContext, id: string): Promise<void>;
}

const addSetting = <I extends TObject, P extends TObject>(builder: GraphQLBuilder, setting: Setting<I, P>) => {
  const { name, plural } = setting;
  const Input: GraphQLInputRef<object> = commerceTypes(builder).input(Type.Partial(setting.input), { name: `Commerce${name}Input` });
  const Connection = connectionType(builder, `Commerce${name}Connection`, setting.ref);
  builder.queryField(`commerce${plural}`, (t) =>
    t.field({
      type: Connection,
      authScopes: manage,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) => setting.list(graphqlContextOf(ctx), pageArgs(a)),
    }),
  );
  // The one input serves both: the use-case's schema (checked here, as the use-case does again) says which fields each needs.
  builder.mutationField(`createCommerce${name}`, (t) =>
    t.field({
      type: setting.ref,
      authScopes: manage,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: (_r, a, ctx) => setting.create(graphqlContextOf(ctx), parseInput(setting.input, withoutNulls(a.input))),
    }),
  );
  builder.mutationField(`updateCommerce${name}`, (t) =>
    t.field({
      type: setting.ref,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Input, required: true }) },
      resolve: (_r, a, ctx) => setting.update(graphqlContextOf(ctx), idArg(a.id), parseInput(setting.patch, withoutNulls(a.input))),
    }),
  );
  addDeleteMutation(builder, `deleteCommerce${name}`, { authScopes: manage, contextOf: graphqlContextOf, remove: setting.remove });
};

/** Tax rates, shipping options and discount codes (commerce.settings.manage), and the storefront's shipping choices. */
export const addShopFields = (builder: GraphQLBuilder, types: OrderTypes): void => {
  addSetting(builder, {
    name: 'TaxRate',
    plural: 'TaxRates',
    ref: types.TaxRateRef,
    input: TaxRateInput,
    patch: TaxRatePatch,
    list: tr.listTaxRates,
    create: tr.createTaxRate,
    update: tr.updateTaxRate,
    remove: tr.deleteTaxRate,
  });
  addSetting(builder, {
    name: 'ShippingOption',
    plural: 'ShippingOptions',
    ref: types.ShippingOptionRef,
    input: ShippingOptionInput,
    patch: ShippingOptionPatch,
    list: s.listShippingOptions,
    create: s.createShippingOption,
    update: s.updateShippingOption,
    remove: s.deleteShippingOption,
  });
  addSetting(builder, {
    name: 'Discount',
    plural: 'Discounts',
    ref: types.DiscountRef,
    input: DiscountInput,
    patch: DiscountPatch,
    list: d.listDiscounts,
    create: d.createDiscount,
    update: d.updateDiscount,
    remove: d.deleteDiscount,
  });
  builder.queryField('commerceStoreShippingOptions', (t) =>
    t.field({
      type: [types.ShippingOptionRef],
      authScopes: { public: true },
      args: { currencyCode: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => s.storeShippingOptions(graphqlContextOf(ctx), a.currencyCode),
    }),
  );
};
