import { kernelErrors } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from './context.js';
import type {} from './services.js';

/** The auth context of a request: the process's services and the request's tenant. */
export const contextOf = (request: FastifyRequest): AuthContext => {
  const tenant = request.tenant;
  if (!tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return { ...request.server.auth, tenantId: tenant.id };
};
