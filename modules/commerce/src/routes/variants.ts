import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import { CreateVariantInput, QuoteQuery, SetPricesInput, UpdateVariantInput } from '../schemas/catalog.js';

import { QuoteView, VariantView } from '../schemas/catalog-views.js';

import { addVariant } from '../use-cases/catalog/add-variant.js';

import { deleteVariant } from '../use-cases/catalog/delete-variant.js';

import { quotePrice } from '../use-cases/catalog/quote-price.js';

import { setVariantPrices } from '../use-cases/catalog/set-variant-prices.js';

import { updateVariant } from '../use-cases/catalog/update-variant.js';

import { problem, tags } from './request.js';

const ProductParams = Type.Object({ id: Id() });
const VariantParams = Type.Object({ id: Id(), variantId: Id() });
const OnlyVariant = Type.Object({ variantId: Id() });
const perm = (permission: string) => ({ access: { permission } });

/** Variants of a product, their base prices, and a price quote through the resolver. */
export const variantRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: Static<typeof ProductParams>; Body: CreateVariantInput }>(
    '/commerce/products/:id/variants',
    {
      config: perm('commerce.products.write'),
      schema: {
        tags,
        summary: 'Add a variant (with prices, stock, translations) to a product',
        params: ProductParams,
        body: CreateVariantInput,
        response: { 201: VariantView, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await addVariant(contextOf(request), request.params.id, request.body)),
  );
  changeRoutes(app);
  priceRoutes(app);
};

const changeRoutes = (app: FastifyInstance): void => {
  app.patch<{ Params: Static<typeof VariantParams>; Body: UpdateVariantInput }>(
    '/commerce/products/:id/variants/:variantId',
    {
      config: perm('commerce.products.write'),
      schema: {
        tags,
        summary: 'Change a variant and its translations (null removes one)',
        params: VariantParams,
        body: UpdateVariantInput,
        response: { 200: VariantView, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateVariant(contextOf(request), request.params.id, request.params.variantId, request.body),
  );
  app.delete<{ Params: Static<typeof VariantParams> }>(
    '/commerce/products/:id/variants/:variantId',
    {
      config: perm('commerce.products.write'),
      schema: { tags, summary: 'Remove a variant', params: VariantParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteVariant(contextOf(request), request.params.id, request.params.variantId);
      return reply.status(204).send();
    },
  );
};

const priceRoutes = (app: FastifyInstance): void => {
  app.put<{ Params: Static<typeof OnlyVariant>; Body: SetPricesInput }>(
    '/commerce/variants/:variantId/prices',
    {
      config: perm('commerce.prices.manage'),
      schema: {
        tags,
        summary: "Replace a variant's base prices (every currency and quantity tier)",
        params: OnlyVariant,
        body: SetPricesInput,
        response: { 200: VariantView, 404: problem, 422: problem },
      },
    },
    async (request) => setVariantPrices(contextOf(request), request.params.variantId, request.body),
  );
  app.get<{ Params: Static<typeof OnlyVariant>; Querystring: QuoteQuery }>(
    '/commerce/variants/:variantId/price',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The unit price that applies now for a currency, quantity and (with commerce.prices.manage) price list',
        params: OnlyVariant,
        querystring: QuoteQuery,
        response: { 200: QuoteView, 403: problem, 404: problem, 422: problem },
      },
    },
    async (request) => quotePrice(contextOf(request), request.params.variantId, request.query),
  );
};
