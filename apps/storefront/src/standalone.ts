import Fastify, { type FastifyInstance } from 'fastify';
import { shopApi } from './api/client.js';
import { httpTransport } from './api/transport.js';
import type { StorefrontOptions } from './runtime.js';
import type { SiteSettings } from './site.js';
import { createStorefront } from './storefront.js';

export interface StandaloneOptions {
  /** The platform's origin, e.g. `http://api.internal:3000`. */
  readonly apiUrl: string;
  readonly tenantHeader?: string;
  readonly cache?: StorefrontOptions['cache'];
  readonly assets?: StorefrontOptions['assets'];
  /** Its proxies' addresses, as the platform's server.trust_proxy (the shopper's address and protocol). */
  readonly trustProxy?: readonly string[];
}

const TENANT_TTL_MS = 10_000;

/**
 * The tenant of a host, asked of the platform (GET /store/settings with the Host forwarded): the
 * platform resolves it by its own rules, so it must run in host or subdomain resolution (or serve one tenant).
 */
const tenantsOverHttp = (apiUrl: string) => {
  const transport = httpTransport(apiUrl);
  const known = new Map<string, { readonly id: string | undefined; readonly until: number }>();
  return async (hostname: string): Promise<string | undefined> => {
    const kept = known.get(hostname);
    if (kept && kept.until > Date.now()) return kept.id;
    const api = shopApi({ transport, tenantHeader: '' }, { tenantId: '', host: hostname, clientIp: '127.0.0.1' });
    const result = await api.get<SiteSettings>('/store/settings');
    const id = result.ok ? result.value.tenant.id : undefined;
    known.set(hostname, { id, until: Date.now() + TENANT_TTL_MS });
    return id;
  };
};

/**
 * The storefront as its own process, in front of a platform reached over HTTP. Its page cache hears
 * no index writes here, so pages live for the cache's TTL (short by default: 5 s).
 */
export const buildStandalone = async (options: StandaloneOptions): Promise<FastifyInstance> => {
  const tenantHeader = options.tenantHeader ?? 'X-Tenant-ID';
  const app = Fastify({ trustProxy: options.trustProxy ? [...options.trustProxy] : false, logger: { level: 'error' } });
  const storefront = createStorefront({
    transport: httpTransport(options.apiUrl),
    tenantHeader,
    resolveTenant: tenantsOverHttp(options.apiUrl),
    cache: options.cache ?? { ttlMs: 5_000 },
    ...(options.assets ? { assets: options.assets } : {}),
  });
  await app.register(storefront.plugin);
  return app;
};
