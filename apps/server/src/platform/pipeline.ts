import type { RequestPipeline } from '@rustok/api';
import { type AuthenticateContext, authErrors, authenticate, isPersonalAccessToken, type RoleCatalog } from '@rustok/auth';
import type { Database } from '@rustok/db';
import type { Config } from '@rustok/kernel';
import { createAllowedOriginLookup, type ModuleToggles, type TenantResolver } from '@rustok/tenancy';
import type { FastifyRequest } from 'fastify';

const bearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
  if (!match?.[1]) throw authErrors.AUTH_TOKEN_INVALID('The Authorization header is not "Bearer <token>"');
  return match[1];
};

/** The tenant id a token claims, read before verification only to pick the tenant to verify it for. */
const claimedTenant = (token: string): string => {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tid?: unknown };
    if (typeof payload.tid === 'string') return payload.tid;
  } catch {
    // fall through
  }
  throw authErrors.AUTH_TOKEN_INVALID('The access token is malformed');
};

export interface PipelineOptions {
  readonly db: Database;
  readonly config: Config;
  readonly roles: RoleCatalog;
  readonly resolver: TenantResolver;
  readonly toggles: ModuleToggles;
}

/**
 * Tenant resolution, token authentication and module switches for the access-control hooks. On a
 * tenant route a token must belong to the resolved tenant; on a platform route (no tenant) it is
 * verified for the tenant it names, and the route's permission (platform administration) decides.
 */
export const createRequestPipeline = (options: PipelineOptions): RequestPipeline => {
  const base: Omit<AuthenticateContext, 'tenantId'> = { db: options.db, config: options.config.auth, roles: options.roles };
  return {
    resolveTenant: (request) => options.resolver(request),
    async authenticate(request, tenant) {
      const token = bearerToken(request);
      if (!token) return undefined;
      if (!tenant && isPersonalAccessToken(token)) {
        throw authErrors.AUTH_TOKEN_INVALID('A personal access token is valid in its own tenant only, not on platform routes');
      }
      return authenticate({ ...base, tenantId: tenant?.id ?? claimedTenant(token) }, token);
    },
    moduleEnabled: (tenant, module) => options.toggles.isEnabled(tenant.id, module),
    originAllowedByAnyTenant: createAllowedOriginLookup(options.db),
  };
};
