import { hasPermission, kernelErrors } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestPipeline, RouteAccess } from './access.js';
import { apiErrors } from './errors.js';

const API_PREFIX = '/api/v1/';
/** Tenant-resolved documents outside the API (e.g. `/.well-known/jwks.json`); their routes declare access too. */
const WELL_KNOWN_PREFIX = '/.well-known/';
/** The MCP endpoints (`/mcp/shop`, `/mcp/admin`): tenant-resolved and authenticated like the API. */
const MCP_PREFIX = '/mcp/';

const accessOf = (request: FastifyRequest): RouteAccess | undefined => request.routeOptions.config.access;

/** A route of another tenant's disabled module is indistinguishable from a route that does not exist. */
const notFound = (request: FastifyRequest) => apiErrors.ROUTE_NOT_FOUND(`No route ${request.method} ${request.url.split('?')[0]}`);

/**
 * Deny by default: every /api/v1 route must declare `config.access` with `public: true` or the
 * permission it needs, or the server refuses to start (KERNEL_ROUTE_UNPROTECTED).
 */
export const requireDeclaredAccess = (app: FastifyInstance): void => {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX) && !route.url.startsWith(MCP_PREFIX)) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access || (!access.public && !access.authenticated && !access.permission)) {
      throw kernelErrors.KERNEL_ROUTE_UNPROTECTED(`${route.method} ${route.url} declares neither a permission nor public access`);
    }
  });
};

/**
 * For /api/v1 and /graphql: resolve the tenant (unless the route is a platform route), hide the
 * routes of modules disabled for it, authenticate the bearer token, and enforce the route's
 * permission: 401 without a valid token, 403 without the permission.
 */
export const registerAccessControl = (app: FastifyInstance, pipeline: RequestPipeline): void => {
  app.decorateRequest('tenant', undefined);
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    const url = request.url;
    const isApi = url.startsWith(API_PREFIX) || url.startsWith(WELL_KNOWN_PREFIX) || url.startsWith(MCP_PREFIX);
    if (!isApi && !url.startsWith('/graphql')) return;
    const access = accessOf(request);
    if (isApi && !access) return; // unknown route (or one that declares nothing): the not-found handler answers
    const tenant = access?.tenant === false ? undefined : await pipeline.resolveTenant(request);
    request.tenant = tenant;
    const module = request.routeOptions.config.module;
    if (tenant && module && !(await pipeline.moduleEnabled(tenant, module))) throw notFound(request);
    request.principal = await pipeline.authenticate(request, tenant);
    if (!access || access.public) return;
    if (!request.principal) throw kernelErrors.AUTH_REQUIRED('This route needs a valid access token');
    if (access.permission && !hasPermission(request.principal, access.permission)) {
      throw kernelErrors.AUTH_FORBIDDEN(`This route needs the permission ${access.permission}`);
    }
  });
};
