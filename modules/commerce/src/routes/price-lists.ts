import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import { CreatePriceListInput, PageQuery, SetListPricesInput, UpdatePriceListInput } from '../schemas/catalog.js';

import { Page, PriceListView } from '../schemas/catalog-views.js';

import * as useCases from '../use-cases/catalog/price-lists.js';

import { problem, tags } from './request.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const config = { access: { permission: 'commerce.prices.manage' } };

/** Price lists: sale lists with a time window and override lists (e.g. wholesale), with their prices. */
export const priceListRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PageQuery }>(
    '/commerce/price-lists',
    { config, schema: { tags, summary: 'Price lists, newest first', querystring: PageQuery, response: { 200: Page(PriceListView) } } },
    async (request) => useCases.listPriceLists(contextOf(request), request.query),
  );
  app.post<{ Body: CreatePriceListInput }>(
    '/commerce/price-lists',
    {
      config,
      schema: { tags, summary: 'Create a price list', body: CreatePriceListInput, response: { 201: PriceListView, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await useCases.createPriceList(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams }>(
    '/commerce/price-lists/:id',
    {
      config,
      schema: { tags, summary: 'One price list with its prices', params: IdParams, response: { 200: PriceListView, 404: problem } },
    },
    async (request) => useCases.getPriceList(contextOf(request), request.params.id),
  );
  changeRoutes(app);
};

const changeRoutes = (app: FastifyInstance): void => {
  app.patch<{ Params: IdParams; Body: UpdatePriceListInput }>(
    '/commerce/price-lists/:id',
    {
      config,
      schema: {
        tags,
        summary: "Change a price list's name, kind, window or active flag",
        params: IdParams,
        body: UpdatePriceListInput,
        response: { 200: PriceListView, 404: problem, 422: problem },
      },
    },
    async (request) => useCases.updatePriceList(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/commerce/price-lists/:id',
    {
      config,
      schema: { tags, summary: 'Delete a price list and its prices', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await useCases.deletePriceList(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.put<{ Params: IdParams; Body: SetListPricesInput }>(
    '/commerce/price-lists/:id/prices',
    {
      config,
      schema: {
        tags,
        summary: 'Replace every price of a price list',
        params: IdParams,
        body: SetListPricesInput,
        response: { 200: PriceListView, 404: problem, 422: problem },
      },
    },
    async (request) => useCases.setPriceListPrices(contextOf(request), request.params.id, request.body),
  );
};
