import type { AppError, RustokSettings, TenantRef } from '@rustok/kernel';
import type { TenantCache } from './cache.js';
import { tenancyErrors } from './errors.js';
import { invalidIdentifier, type ParsedIdentifier, parseSubdomainLabel, parseTenantIdentifier } from './identifiers.js';

/** What resolution reads from a request (a Fastify request fits). */
export interface TenantRequest {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The Host without port (Fastify's `request.hostname`); a port is dropped anyway. */
  readonly hostname: string;
}

export type TenantResolver = (request: TenantRequest) => Promise<TenantRef>;

export interface TenantResolverOptions {
  readonly settings: RustokSettings['tenant'];
  readonly cache: Pick<TenantCache, 'get'>;
}

type Settings = RustokSettings['tenant'];

const configError = (detail: string): AppError => tenancyErrors.TENANT_CONFIG_INVALID(detail);

const parseConfigured = (value: string, kind: 'slug-or-id' | 'host', what: string): ParsedIdentifier => {
  try {
    return parseTenantIdentifier(value, kind);
  } catch (error) {
    throw configError(`settings.rustok.tenant.${what} is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
};

const describeIdentifier = (identifier: ParsedIdentifier): string =>
  identifier.kind === 'id' ? `id ${identifier.id}` : identifier.kind === 'slug' ? `slug "${identifier.slug}"` : `host "${identifier.host}"`;

/** The not-found and inactive rules. */
const usable = (tenant: TenantRef | undefined, identifier: ParsedIdentifier): TenantRef => {
  if (!tenant) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant with ${describeIdentifier(identifier)}`);
  if (!tenant.isActive) {
    throw tenancyErrors.TENANT_INACTIVE(`Tenant "${tenant.slug}" is not active`, { meta: { tenantId: tenant.id } });
  }
  return tenant;
};

const headerValue = (request: TenantRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  if (value === undefined || typeof value === 'string') return value;
  if (value.length !== 1) throw invalidIdentifier(`the ${name} header was sent more than once`);
  return value[0];
};

/**
 * The tenant named by a host under the base domain: the base domain itself is the default
 * tenant, one label under it is a slug, deeper names are refused; `undefined` when the host is
 * not under the base domain.
 */
const subdomainIdentifier = (host: string, base: string, fallback: ParsedIdentifier): ParsedIdentifier | undefined => {
  if (host === base) return fallback;
  if (!host.endsWith(`.${base}`)) return undefined;
  const label = host.slice(0, -(base.length + 1));
  if (label.includes('.')) throw invalidIdentifier('nested subdomains do not name a tenant');
  return parseSubdomainLabel(label);
};

const hostOf = (request: TenantRequest): string => {
  const parsed = parseTenantIdentifier(request.hostname ?? '', 'host');
  return parsed.kind === 'host' ? parsed.host : '';
};

const baseDomainOf = (settings: Settings): string | undefined => {
  if (!settings.base_domain) return undefined;
  const parsed = parseConfigured(settings.base_domain, 'host', 'base_domain');
  return parsed.kind === 'host' ? parsed.host : undefined;
};

type Strategy = (request: TenantRequest) => Promise<TenantRef>;

const strategies = (settings: Settings, cache: TenantResolverOptions['cache']): Record<Settings['resolution'], () => Strategy> => {
  const lookup = async (identifier: ParsedIdentifier): Promise<TenantRef> => usable(await cache.get(identifier), identifier);
  const fallback = parseConfigured(settings.default_slug, 'slug-or-id', 'default_slug');
  const base = baseDomainOf(settings);
  /** Validated before any lookup: a malformed label under the base domain is refused in every mode. */
  const subdomainOf = (host: string): ParsedIdentifier | undefined => (base ? subdomainIdentifier(host, base, fallback) : undefined);
  const notServed = (host: string): AppError => tenancyErrors.TENANT_NOT_FOUND(`No tenant serves host "${host}"`);
  return {
    default: () => () => lookup(fallback),
    header: () => (request) => {
      const value = headerValue(request, settings.header_name);
      return lookup(value === undefined ? fallback : parseTenantIdentifier(value, 'slug-or-id'));
    },
    subdomain: () => {
      if (!base) throw configError('settings.rustok.tenant.base_domain is required for subdomain resolution');
      return async (request) => {
        const host = hostOf(request);
        const identifier = subdomainOf(host);
        if (!identifier) throw notServed(host);
        return lookup(identifier);
      };
    },
    host: () => async (request) => {
      const host = hostOf(request);
      const subdomain = subdomainOf(host);
      const tenant = await cache.get({ kind: 'host', host });
      if (tenant) return usable(tenant, { kind: 'host', host });
      if (!subdomain) throw notServed(host);
      return lookup(subdomain);
    },
  };
};

/**
 * Resolves the tenant of a request by the configured mode: `header` (slug or UUID in the
 * configured header, default tenant without it), `subdomain` (one label under base_domain),
 * `host` (a registered custom domain, then a subdomain of base_domain) or `default`.
 * Throws coded AppErrors: 400 malformed identifier, 404 TENANT_NOT_FOUND, 403 TENANT_INACTIVE.
 */
export const createTenantResolver = (options: TenantResolverOptions): TenantResolver => {
  const strategy = strategies(options.settings, options.cache)[options.settings.resolution]();
  return async (request) => strategy(request);
};
