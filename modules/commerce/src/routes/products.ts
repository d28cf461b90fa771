import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import { CreateProductInput, ListProductsQuery, Locale, UpdateProductInput } from '../schemas/catalog.js';

import { Page, ProductView } from '../schemas/catalog-views.js';

import { createProduct } from '../use-cases/catalog/create-product.js';

import { deleteProduct } from '../use-cases/catalog/delete-product.js';

import { getProduct } from '../use-cases/catalog/get-product.js';

import { listProducts } from '../use-cases/catalog/list-products.js';

import { archiveProduct, publishProduct } from '../use-cases/catalog/product-status.js';

import { updateProduct } from '../use-cases/catalog/update-product.js';

import { problem, tags } from './request.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const LocaleQuery = Type.Object({ locale: Type.Optional(Locale()) }, { additionalProperties: false });
const perm = (permission: string) => ({ access: { permission } });
const publicRead = { access: { public: true } };

/** Products: list, create (with variants, prices, stock, translations), read, change, delete. */
export const productRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ListProductsQuery }>(
    '/commerce/products',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Products, newest first (published only without commerce.products.read)',
        querystring: ListProductsQuery,
        response: { 200: Page(ProductView), 422: problem },
      },
    },
    async (request) => listProducts(contextOf(request), request.query),
  );
  app.post<{ Body: CreateProductInput }>(
    '/commerce/products',
    {
      config: perm('commerce.products.write'),
      schema: {
        tags,
        summary: 'Create a product with its variants, prices, stock and translations',
        body: CreateProductInput,
        response: { 201: ProductView, 403: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createProduct(contextOf(request), request.body)),
  );
  readRoute(app);
  writeRoutes(app);
  removeRoutes(app);
};

const readRoute = (app: FastifyInstance): void => {
  app.get<{ Params: IdParams; Querystring: Static<typeof LocaleQuery> }>(
    '/commerce/products/:id',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One product in a locale (requested → default → base texts)',
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: ProductView, 404: problem, 422: problem },
      },
    },
    async (request) => getProduct(contextOf(request), request.params.id, request.query.locale),
  );
};

const writeRoutes = (app: FastifyInstance): void => {
  app.patch<{ Params: IdParams; Body: UpdateProductInput }>(
    '/commerce/products/:id',
    {
      config: perm('commerce.products.write'),
      schema: {
        tags,
        summary: 'Change fields, handle, translations (null removes one) or status of a product',
        params: IdParams,
        body: UpdateProductInput,
        response: { 200: ProductView, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateProduct(contextOf(request), request.params.id, request.body),
  );
};

const removeRoutes = (app: FastifyInstance): void => {
  app.delete<{ Params: IdParams }>(
    '/commerce/products/:id',
    {
      config: perm('commerce.products.delete'),
      schema: { tags, summary: 'Delete a product with its variants', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteProduct(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  for (const [action, run] of [
    ['publish', publishProduct],
    ['archive', archiveProduct],
  ] as const) {
    app.post<{ Params: IdParams }>(
      `/commerce/products/:id/${action}`,
      {
        config: perm('commerce.products.publish'),
        schema: {
          tags,
          summary: `${action === 'publish' ? 'Publish' : 'Archive'} a product`,
          params: IdParams,
          response: { 200: ProductView, 404: problem },
        },
      },
      async (request) => run(contextOf(request), request.params.id),
    );
  }
};
