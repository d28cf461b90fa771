import { errorHandler, PROBLEM_CONTENT_TYPE, problemOf } from '@rustok/api';
import { isAppError } from '@rustok/kernel';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrderStatusSchema, ShortLineSchema } from '../schemas/order.js';

/** Problem members beyond RFC 9457's that commerce answers carry (taken from the error's meta). */
const EXTRAS = ['lines', 'allowed', 'from', 'to', 'orderId', 'variantIds'] as const;

const problemFields = {
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  instance: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
};

const extended = (extras: Record<string, TSchema>) =>
  Type.Object({ ...problemFields, ...Object.fromEntries(Object.entries(extras).map(([k, v]) => [k, Type.Optional(v)])) });

/**
 * A commerce problem: 409 COMMERCE_INSUFFICIENT_STOCK lists the short `lines` (variantId, sku,
 * requested, available); 409 ORDER_INVALID_TRANSITION names `from`, `to` and the `allowed` moves;
 * 409 COMMERCE_CART_COMPLETED names the `orderId`; 422 COMMERCE_PRICE_MISSING /
 * COMMERCE_PRODUCT_UNAVAILABLE name the `variantIds`.
 */
export const commerceProblem = extended({
  lines: Type.Array(ShortLineSchema),
  allowed: Type.Array(OrderStatusSchema),
  from: OrderStatusSchema,
  to: OrderStatusSchema,
  orderId: Type.Union([Type.String(), Type.Null()]),
  variantIds: Type.Array(Type.String()),
});

/** The platform's problem answer, plus the members above when the error carries them. */
export const commerceErrorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (!isAppError(error) || error.status >= 500) return errorHandler(error, request, reply);
  const extras = Object.fromEntries(EXTRAS.filter((k) => error.meta[k] !== undefined).map((k) => [k, error.meta[k]]));
  if (Object.keys(extras).length === 0) return errorHandler(error, request, reply);
  request.log.info({ code: error.code, status: error.status }, 'request refused');
  return reply
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problemOf(error, request.id), ...extras });
};
