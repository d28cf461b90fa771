import type {} from '@rustok/api';
import type {} from '@rustok/events';
import { type GraphQLContext, kernelErrors } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, type CommerceContext } from '../context.js';

/** The commerce context of a request: the platform's database and bus, the request's tenant and caller. */
export const contextOf = (request: FastifyRequest): CommerceContext => {
  const tenant = request.tenant;
  if (!tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return { db: request.server.rustok.db, events: request.server.events, tenantId: tenant.id, actor: actorOf(request.principal) };
};

/** The same for a GraphQL resolver (Mercurius puts the app on the context). */
export const graphqlContextOf = (ctx: GraphQLContext): CommerceContext => {
  const app = (ctx as GraphQLContext & { app: FastifyInstance }).app;
  if (!ctx.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return { db: app.rustok.db, events: app.events, tenantId: ctx.tenant.id, actor: actorOf(ctx.principal) };
};

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['commerce'];
