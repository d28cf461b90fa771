import { readDatabaseOf } from '@rustok/api';
import type {} from '@rustok/events';
import { kernelErrors, type TenantRef, tenantLocalesOf } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { indexOptions } from '../options.js';
import type { StoreContext } from '../search/context.js';

export const tenantOf = (tenant: TenantRef | undefined): TenantRef => {
  if (!tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return tenant;
};

/**
 * The storefront context of a tenant: its default locale is the tenant's (tenant settings), else the deployment's (search.default_locale).
 * A request's reads go to a read replica when there are any, unless its client has just written (readDatabaseOf).
 */
export const storeContextFor = (app: FastifyInstance, tenant: TenantRef | undefined, request?: FastifyRequest): StoreContext => {
  const t = tenantOf(tenant);
  const settings = indexOptions(app.rustok.config);
  return {
    db: request ? readDatabaseOf(request) : app.rustok.db,
    tenantId: t.id,
    defaultLocale: tenantLocalesOf(t.settings, settings.search.default_locale).defaultLocale,
    search: settings.search,
    index: settings.index,
  };
};

export const storeContextOf = (request: FastifyRequest): StoreContext => storeContextFor(request.server, request.tenant, request);

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['storefront'];
