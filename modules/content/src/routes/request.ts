import type {} from '@rustok/api';
import type {} from '@rustok/events';
import { kernelErrors } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';
import { actorOf, type ContentContext } from '../context.js';

/** The content context of a request: the platform's database and bus, the request's tenant and caller. */
export const contextOf = (request: FastifyRequest): ContentContext => {
  const tenant = request.tenant;
  if (!tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return { db: request.server.rustok.db, events: request.server.events, tenantId: tenant.id, actor: actorOf(request.principal) };
};

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['content'];
