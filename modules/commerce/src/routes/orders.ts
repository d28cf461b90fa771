import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import { ListOrdersQuery, OrderPage, OrderSchema, PaymentInput, TransitionInput } from '../schemas/order.js';

import { getOrder } from '../use-cases/orders/get-order.js';

import { listOrders } from '../use-cases/orders/list-orders.js';

import { authorizePayment, capturePayment, refundPayment } from '../use-cases/orders/payments.js';

import { transitionOrder } from '../use-cases/orders/transition-order.js';

import { commerceErrorHandler, commerceProblem } from './problems.js';

import { problem } from './request.js';

const tags = ['commerce: orders'];
const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
/** Reading: commerce.orders.read (all) or read_own (the caller's), checked by the use-case. */
const signedIn = { access: { authenticated: true } };
const perm = (permission: string) => ({ access: { permission } });
const writeResponses = { 200: OrderSchema, 403: problem, 404: problem, 409: commerceProblem, 422: commerceProblem };

const readRoutes = (app: FastifyInstance): void => {
  app.get<{ Querystring: ListOrdersQuery }>(
    '/commerce/orders',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Orders, newest first (customers with read_own: their own)',
        querystring: ListOrdersQuery,
        response: { 200: OrderPage, 403: problem, 422: problem },
      },
    },
    async (request) => listOrders(contextOf(request), request.query),
  );
  app.get<{ Params: IdParams }>(
    '/commerce/orders/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One order with lines, addresses, totals, history and payments',
        params: IdParams,
        response: { 200: OrderSchema, 403: problem, 404: problem },
      },
    },
    async (request) => getOrder(contextOf(request), request.params.id),
  );
};

const writeRoutes = (app: FastifyInstance): void => {
  app.post<{ Params: IdParams; Body: TransitionInput }>(
    '/commerce/orders/:id/transitions',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Move an order: pending → paid → fulfilled → shipped → delivered; cancelled; refunded',
        description:
          'commerce.orders.manage; refunds (and cancelling a paid order) need commerce.orders.refund. 409 ORDER_INVALID_TRANSITION names the allowed moves.',
        params: IdParams,
        body: TransitionInput,
        response: writeResponses,
      },
    },
    async (request) => transitionOrder(contextOf(request), request.params.id, request.body),
  );
  const payment = (step: 'authorize' | 'capture' | 'refund', summary: string) => ({
    config: perm(step === 'refund' ? 'commerce.orders.refund' : 'commerce.orders.manage'),
    schema: { tags, summary, params: IdParams, ...(step === 'authorize' ? { body: PaymentInput } : {}), response: writeResponses },
  });
  app.post<{ Params: IdParams; Body: PaymentInput | undefined }>(
    '/commerce/orders/:id/payments/authorize',
    payment('authorize', "Authorize the order's total with a payment provider (default manual)"),
    async (request) => authorizePayment(contextOf(request), request.params.id, request.body ?? {}),
  );
  app.post<{ Params: IdParams }>(
    '/commerce/orders/:id/payments/capture',
    payment('capture', 'Capture the authorized payment; the order becomes paid'),
    async (request) => capturePayment(contextOf(request), request.params.id),
  );
  app.post<{ Params: IdParams }>(
    '/commerce/orders/:id/payments/refund',
    payment('refund', 'Refund the captured payment; the order becomes refunded'),
    async (request) => refundPayment(contextOf(request), request.params.id),
  );
};

/** Orders: reading (all or own), status transitions and payments. */
export const orderRoutes: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(commerceErrorHandler);
  readRoutes(app);
  writeRoutes(app);
};
