import type { Principal, TenantRef } from '@rustok/kernel';

/**
 * How a route is reached. Every route under /api/v1 must say, or the server refuses to start:
 * `public: true` (no token needed), `authenticated: true` (any valid token of the tenant), or the
 * `permission` it requires. `tenant: false` marks a
 * platform route that runs without a resolved tenant (tenant administration itself).
 */
export interface RouteAccess {
  readonly public?: boolean;
  readonly authenticated?: boolean;
  readonly permission?: string;
  readonly tenant?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Set for the routes of a module; a module disabled for the tenant answers 404. */
    module?: string;
  }
  interface FastifyRequest {
    /** The resolved tenant (absent on platform routes and outside /api/v1 and /graphql). */
    tenant: TenantRef | undefined;
    /** The authenticated caller, when a valid bearer token came with the request. */
    principal: Principal | undefined;
  }
}

/** Hooks that the tenancy and auth layers install on the app (kept here so the api layer does not depend on them). */
export interface RequestPipeline {
  /** Resolves the tenant for a request; throws a coded AppError (400/403/404) when it cannot. */
  resolveTenant(request: import('fastify').FastifyRequest): Promise<TenantRef>;
  /** Reads and verifies the bearer token, if any; throws AUTH_* (401) for a bad one. */
  authenticate(request: import('fastify').FastifyRequest, tenant: TenantRef | undefined): Promise<Principal | undefined>;
  /** Whether a module is enabled for the tenant (core modules always are). */
  moduleEnabled(tenant: TenantRef, module: string): Promise<boolean>;
  /** Whether any active tenant allows a browser origin (CORS preflights that cannot name their tenant). */
  originAllowedByAnyTenant?(origin: string): Promise<boolean>;
}
