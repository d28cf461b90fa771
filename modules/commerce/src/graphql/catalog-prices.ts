import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import { type GraphQLBuilder, withoutNulls } from '@rustok/kernel';

import { addVariant } from '../use-cases/catalog/add-variant.js';

import { deleteVariant } from '../use-cases/catalog/delete-variant.js';

import { getInventory, setInventory } from '../use-cases/catalog/inventory.js';

import {
  createPriceList,
  deletePriceList,
  getPriceList,
  listPriceLists,
  setPriceListPrices,
  updatePriceList,
} from '../use-cases/catalog/price-lists.js';

import { quotePrice } from '../use-cases/catalog/quote-price.js';

import { setVariantPrices } from '../use-cases/catalog/set-variant-prices.js';

import { updateVariant } from '../use-cases/catalog/update-variant.js';

import { type addCatalogInputs, toCreateVariant, toUpdateVariant } from './catalog-inputs.js';

import { type CatalogTypes, idArg, pageArgs } from './catalog-types.js';

type Inputs = ReturnType<typeof addCatalogInputs>;
const PRICES = 'commerce.prices.manage';

const addVariantFields = (builder: GraphQLBuilder, types: CatalogTypes, inputs: Inputs) => {
  builder.mutationField('addCommerceVariant', (t) =>
    t.field({
      type: types.Variant,
      authScopes: { permission: 'commerce.products.write' },
      args: { productId: t.arg.id({ required: true }), input: t.arg({ type: inputs.CreateVariant, required: true }) },
      resolve: (_root, args, ctx) => addVariant(graphqlContextOf(ctx), idArg(args.productId), toCreateVariant(args.input)),
    }),
  );
  builder.mutationField('updateCommerceVariant', (t) =>
    t.field({
      type: types.Variant,
      authScopes: { permission: 'commerce.products.write' },
      args: {
        productId: t.arg.id({ required: true }),
        variantId: t.arg.id({ required: true }),
        input: t.arg({ type: inputs.UpdateVariant, required: true }),
      },
      resolve: (_root, args, ctx) =>
        updateVariant(graphqlContextOf(ctx), idArg(args.productId), idArg(args.variantId), toUpdateVariant(args.input)),
    }),
  );
  builder.mutationField('deleteCommerceVariant', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: { permission: 'commerce.products.write' },
      args: { productId: t.arg.id({ required: true }), variantId: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteVariant(graphqlContextOf(ctx), idArg(args.productId), idArg(args.variantId));
        return true;
      },
    }),
  );
};

const addVariantPriceField = (builder: GraphQLBuilder, types: CatalogTypes, inputs: Inputs) => {
  builder.mutationField('setCommerceVariantPrices', (t) =>
    t.field({
      type: types.Variant,
      authScopes: { permission: PRICES },
      description: "Replaces a variant's base prices",
      args: { variantId: t.arg.id({ required: true }), prices: t.arg({ type: [inputs.Price], required: true }) },
      resolve: (_root, args, ctx) => setVariantPrices(graphqlContextOf(ctx), idArg(args.variantId), { prices: withoutNulls(args.prices) }),
    }),
  );
};

const addStockFields = (builder: GraphQLBuilder, types: CatalogTypes) => {
  builder.queryField('commerceInventory', (t) =>
    t.field({
      type: types.Inventory,
      authScopes: { permission: 'commerce.products.read' },
      args: { variantId: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getInventory(graphqlContextOf(ctx), idArg(args.variantId)),
    }),
  );
  builder.mutationField('setCommerceInventory', (t) =>
    t.field({
      type: types.Inventory,
      authScopes: { permission: 'commerce.inventory.manage' },
      args: { variantId: t.arg.id({ required: true }), available: t.arg.int({ required: true }) },
      resolve: (_root, args, ctx) => setInventory(graphqlContextOf(ctx), idArg(args.variantId), { available: args.available }),
    }),
  );
  builder.queryField('commerceVariantPrice', (t) =>
    t.field({
      type: types.Quote,
      authScopes: { public: true },
      description: 'The unit price that applies now (a price list needs commerce.prices.manage)',
      args: {
        variantId: t.arg.id({ required: true }),
        currency: t.arg.string({ required: true }),
        quantity: t.arg.int(),
        priceList: t.arg.id(),
      },
      resolve: (_root, args, ctx) =>
        quotePrice(graphqlContextOf(ctx), idArg(args.variantId), {
          currency: args.currency,
          quantity: args.quantity ?? 1,
          ...(args.priceList ? { priceList: idArg(args.priceList) } : {}),
        }),
    }),
  );
};

const addListQueries = (builder: GraphQLBuilder, types: CatalogTypes) => {
  builder.queryField('commercePriceLists', (t) =>
    t.field({
      type: types.PriceListConnection,
      authScopes: { permission: PRICES },
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listPriceLists(graphqlContextOf(ctx), pageArgs(args)),
    }),
  );
  builder.queryField('commercePriceList', (t) =>
    t.field({
      type: types.PriceList,
      authScopes: { permission: PRICES },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getPriceList(graphqlContextOf(ctx), idArg(args.id)),
    }),
  );
};

const addListMutations = (builder: GraphQLBuilder, types: CatalogTypes, inputs: Inputs) => {
  builder.mutationField('createCommercePriceList', (t) =>
    t.field({
      type: types.PriceList,
      authScopes: { permission: PRICES },
      args: { input: t.arg({ type: inputs.CreateList, required: true }) },
      resolve: (_root, args, ctx) => createPriceList(graphqlContextOf(ctx), withoutNulls(args.input)),
    }),
  );
  builder.mutationField('updateCommercePriceList', (t) =>
    t.field({
      type: types.PriceList,
      authScopes: { permission: PRICES },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: inputs.UpdateList, required: true }) },
      resolve: (_root, args, ctx) => updatePriceList(graphqlContextOf(ctx), idArg(args.id), withoutNulls(args.input)),
    }),
  );
  addDeleteMutation(builder, 'deleteCommercePriceList', {
    authScopes: { permission: PRICES },
    contextOf: graphqlContextOf,
    remove: deletePriceList,
  });
  builder.mutationField('setCommercePriceListPrices', (t) =>
    t.field({
      type: types.PriceList,
      authScopes: { permission: PRICES },
      args: { id: t.arg.id({ required: true }), prices: t.arg({ type: [inputs.ListPrice], required: true }) },
      resolve: (_root, args, ctx) => setPriceListPrices(graphqlContextOf(ctx), idArg(args.id), { prices: withoutNulls(args.prices) }),
    }),
  );
};

/** Variants, base prices, quotes, stock and price lists. */
export const addPriceFields = (builder: GraphQLBuilder, types: CatalogTypes, inputs: Inputs): void => {
  addVariantFields(builder, types, inputs);
  addVariantPriceField(builder, types, inputs);
  addStockFields(builder, types);
  addListQueries(builder, types);
  addListMutations(builder, types, inputs);
};
