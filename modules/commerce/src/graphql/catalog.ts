import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import { type GraphQLBuilder, withoutNulls } from '@rustok/kernel';

import { createProduct } from '../use-cases/catalog/create-product.js';

import { deleteProduct } from '../use-cases/catalog/delete-product.js';

import { getProduct } from '../use-cases/catalog/get-product.js';

import { listProducts } from '../use-cases/catalog/list-products.js';

import { archiveProduct, publishProduct } from '../use-cases/catalog/product-status.js';

import { updateProduct } from '../use-cases/catalog/update-product.js';

import { addCatalogInputs, toCreateProduct, toUpdateProduct } from './catalog-inputs.js';

import { addPriceFields } from './catalog-prices.js';

import { addCatalogTypes, type CatalogTypes, idArg, pageArgs } from './catalog-types.js';

type Inputs = ReturnType<typeof addCatalogInputs>;

const addProductQueries = (builder: GraphQLBuilder, types: CatalogTypes, inputs: Inputs) => {
  builder.queryField('commerceProduct', (t) =>
    t.field({
      type: types.Product,
      authScopes: { public: true },
      description: 'One product (published only without commerce.products.read)',
      args: { id: t.arg.id({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => getProduct(graphqlContextOf(ctx), idArg(args.id), args.locale ?? undefined),
    }),
  );
  builder.queryField('commerceProducts', (t) =>
    t.field({
      type: types.ProductConnection,
      authScopes: { public: true },
      description: 'Products, newest first (published only without commerce.products.read)',
      args: { filter: t.arg({ type: inputs.Filter }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listProducts(graphqlContextOf(ctx), { ...withoutNulls({ ...args.filter }), ...pageArgs(args) }),
    }),
  );
};

const addProductMutations = (builder: GraphQLBuilder, types: CatalogTypes, inputs: Inputs) => {
  builder.mutationField('createCommerceProduct', (t) =>
    t.field({
      type: types.Product,
      authScopes: { permission: 'commerce.products.write' },
      args: { input: t.arg({ type: inputs.CreateProduct, required: true }) },
      resolve: (_root, args, ctx) => createProduct(graphqlContextOf(ctx), toCreateProduct(args.input)),
    }),
  );
  builder.mutationField('updateCommerceProduct', (t) =>
    t.field({
      type: types.Product,
      authScopes: { permission: 'commerce.products.write' },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: inputs.UpdateProduct, required: true }) },
      resolve: (_root, args, ctx) => updateProduct(graphqlContextOf(ctx), idArg(args.id), toUpdateProduct(args.input)),
    }),
  );
};

const addStatusMutations = (builder: GraphQLBuilder, types: CatalogTypes) => {
  for (const [name, run] of [
    ['publishCommerceProduct', publishProduct],
    ['archiveCommerceProduct', archiveProduct],
  ] as const) {
    builder.mutationField(name, (t) =>
      t.field({
        type: types.Product,
        authScopes: { permission: 'commerce.products.publish' },
        args: { id: t.arg.id({ required: true }) },
        resolve: (_root, args, ctx) => run(graphqlContextOf(ctx), idArg(args.id)),
      }),
    );
  }
  addDeleteMutation(builder, 'deleteCommerceProduct', {
    authScopes: { permission: 'commerce.products.delete' },
    contextOf: graphqlContextOf,
    remove: deleteProduct,
  });
};

/** The catalog in GraphQL: products, variants, prices, price lists and stock, over the REST use-cases. */
export const catalogGraphQL = (builder: GraphQLBuilder): void => {
  const types = addCatalogTypes(builder);
  const inputs = addCatalogInputs(builder);
  addProductQueries(builder, types, inputs);
  addProductMutations(builder, types, inputs);
  addStatusMutations(builder, types);
  addPriceFields(builder, types, inputs);
};
