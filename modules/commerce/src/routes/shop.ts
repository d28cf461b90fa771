import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, type TSchema, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import type { CommerceContext } from '../context.js';

import type { Paged } from '../schemas/order.js';

import {
  DiscountInput,
  DiscountPage,
  DiscountPatch,
  DiscountSchema,
  ShippingOptionInput,
  ShippingOptionPage,
  ShippingOptionPatch,
  ShippingOptionSchema,
  ShopListQuery,
  TaxRateInput,
  TaxRatePage,
  TaxRatePatch,
  TaxRateSchema,
} from '../schemas/shop.js';

import * as d from '../use-cases/shop/discounts.js';
import * as s from '../use-cases/shop/shipping-options.js';
import * as t from '../use-cases/shop/tax-rates.js';
import { problem } from './request.js';

const tags = ['commerce: shop settings'];
const access = { access: { permission: 'commerce.settings.manage' } };
const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;

interface Crud<I, P> {
  list(ctx: CommerceContext, page: ShopListQuery): Promise<Paged<unknown>>;
  get(ctx: CommerceContext, id: string): Promise<unknown>;
  create(ctx: CommerceContext, input: I): Promise<unknown>;
  update(ctx: CommerceContext, id: string, patch: P): Promise<unknown>;
  remove(ctx: CommerceContext, id: string): Promise<void>;
}

interface Resource<I extends TSchema, P extends TSchema> {
  readonly path: string;
  readonly what: string;
  readonly view: TSchema;
  readonly page: TSchema;
  readonly input: I;
  readonly patch: P;
  readonly crud: Crud<Static<I>, Static<P>>;
}

/** GET (list), POST, GET/PATCH/DELETE by id for one shop setting, all with commerce.settings.manage. */
const resourceRoutes = <I extends TSchema, P extends TSchema>(app: FastifyInstance, r: Resource<I, P>): void => {
  const one = `${r.path}/:id`;
  const errors = { 403: problem, 404: problem, 409: problem, 422: problem };
  app.get<{ Querystring: ShopListQuery }>(
    r.path,
    {
      config: access,
      schema: { tags, summary: `${r.what}, newest first`, querystring: ShopListQuery, response: { 200: r.page, ...errors } },
    },
    async (request) => r.crud.list(contextOf(request), request.query),
  );
  app.post<{ Body: Static<I> }>(
    r.path,
    { config: access, schema: { tags, summary: `Create (${r.what})`, body: r.input, response: { 201: r.view, ...errors } } },
    async (request, reply) => reply.status(201).send(await r.crud.create(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams }>(
    one,
    { config: access, schema: { tags, summary: `One of ${r.what}`, params: IdParams, response: { 200: r.view, ...errors } } },
    async (request) => r.crud.get(contextOf(request), request.params.id),
  );
  app.patch<{ Params: IdParams; Body: Static<P> }>(
    one,
    {
      config: access,
      schema: { tags, summary: `Change (${r.what})`, params: IdParams, body: r.patch, response: { 200: r.view, ...errors } },
    },
    async (request) => r.crud.update(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    one,
    { config: access, schema: { tags, summary: `Delete (${r.what})`, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await r.crud.remove(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

/** Shop settings: tax rates per country, flat-rate shipping options, discount codes. */
export const shopRoutes: FastifyPluginAsync = async (app) => {
  resourceRoutes(app, {
    path: '/commerce/tax-rates',
    what: 'tax rates (one per country, basis points)',
    view: TaxRateSchema,
    page: TaxRatePage,
    input: TaxRateInput,
    patch: TaxRatePatch,
    crud: { list: t.listTaxRates, get: t.getTaxRate, create: t.createTaxRate, update: t.updateTaxRate, remove: t.deleteTaxRate },
  });
  resourceRoutes(app, {
    path: '/commerce/shipping-options',
    what: 'flat-rate shipping options',
    view: ShippingOptionSchema,
    page: ShippingOptionPage,
    input: ShippingOptionInput,
    patch: ShippingOptionPatch,
    crud: {
      list: s.listShippingOptions,
      get: s.getShippingOption,
      create: s.createShippingOption,
      update: s.updateShippingOption,
      remove: s.deleteShippingOption,
    },
  });
  resourceRoutes(app, {
    path: '/commerce/discounts',
    what: 'discount codes',
    view: DiscountSchema,
    page: DiscountPage,
    input: DiscountInput,
    patch: DiscountPatch,
    crud: { list: d.listDiscounts, get: d.getDiscount, create: d.createDiscount, update: d.updateDiscount, remove: d.deleteDiscount },
  });
};
