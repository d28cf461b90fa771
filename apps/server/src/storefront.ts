import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EarlyAnswers, earlyAnswerHeaders } from '@rustok/api';
import { onIndexApplied } from '@rustok/index/contracts';
import type { RustokSettings } from '@rustok/kernel';
import { createStorefront, injectTransport, type Storefront, type StorefrontOptions } from '@rustok/storefront';
import { createTenantResolver, type TenantCache } from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const HOST_TTL_MS = 5_000;
const HOSTS_KEPT = 10_000;

/**
 * The tenant of a storefront request by its Host: a registered custom domain, then a subdomain of
 * base_domain; other hosts fall back to the default tenant where the API does so too (header and
 * default resolution), and on loopback addresses always (development).
 */
export const storefrontTenantResolver = (settings: RustokSettings['tenant'], cache: Pick<TenantCache, 'get'>) => {
  const byHost = createTenantResolver({ settings: { ...settings, resolution: 'host' }, cache });
  const byDefault = createTenantResolver({ settings: { ...settings, resolution: 'default' }, cache });
  const fallsBack = (hostname: string) => settings.resolution === 'header' || settings.resolution === 'default' || LOOPBACK.has(hostname);
  const resolve = async (hostname: string): Promise<string | undefined> => {
    const request = { headers: {}, hostname };
    try {
      return (await byHost(request)).id;
    } catch {
      if (!fallsBack(hostname)) return undefined;
      return byDefault(request).then(
        (tenant) => tenant.id,
        () => undefined,
      );
    }
  };
  // Answers are kept a few seconds per host: most hosts are not custom domains, and finding that out
  // every request (a refusal raised and caught) would cost more than the page's own work.
  const known = new Map<string, { readonly id: string | undefined; readonly until: number }>();
  const peek = (hostname: string): string | undefined => {
    const kept = known.get(hostname);
    return kept && kept.until > Date.now() ? kept.id : undefined;
  };
  const resolveHost = async (hostname: string): Promise<string | undefined> => {
    const kept = known.get(hostname);
    const now = Date.now();
    if (kept && kept.until > now) return kept.id;
    const id = await resolve(hostname);
    if (known.size >= HOSTS_KEPT) known.delete(known.keys().next().value ?? '');
    known.set(hostname, { id, until: now + HOST_TTL_MS });
    return id;
  };
  return { resolve: resolveHost, peek };
};

/**
 * A cached page answered by the HTTP server before Fastify: the headers every answer carries (ids,
 * security headers) and the shop's own. What it cannot tell at once goes the usual way.
 */
const earlyPage =
  (storefront: Storefront) =>
  (request: IncomingMessage, response: ServerResponse): boolean => {
    const page = storefront.peekCached(request);
    if (!page) return false;
    storefront.writeCached(request, response, page, earlyAnswerHeaders(request));
    return true;
  };

/** The storefront's figures at scrape time. */
const registerStorefrontMetrics = (registry: Registry, storefront: Storefront): void => {
  new Gauge({
    name: 'rustok_storefront_page_answers',
    help: 'Shared storefront pages answered since start, by how: early (cached, before the request hooks), cached, rendered',
    labelNames: ['answer'] as const,
    registers: [registry],
    collect() {
      const stats = storefront.stats();
      for (const answer of ['early', 'cached', 'rendered'] as const) this.set({ answer }, stats[answer]);
    },
  });
  new Gauge({
    name: 'rustok_storefront_page_cache_bytes',
    help: 'HTML kept by the storefront page cache (characters)',
    registers: [registry],
    collect() {
      this.set(storefront.stats().bytes);
    },
  });
};

export interface StorefrontMount {
  readonly settings: RustokSettings['tenant'];
  readonly cache: Pick<TenantCache, 'get'>;
  /** The app's slot for answers before its request hooks: cached pages are given there. */
  readonly earlyAnswers?: EarlyAnswers;
  /** Where its metrics go (/metrics): shared pages by how they were answered, the page cache's size. */
  readonly metrics?: Registry;
  readonly options?: Partial<Omit<StorefrontOptions, 'transport' | 'resolveTenant' | 'peekTenant' | 'tenantHeader'>>;
}

/**
 * The storefront at `/` of the server's app, reaching the API in the same process; the index's
 * committed writes purge its cached pages by tag.
 */
export const registerStorefront = async (app: FastifyInstance, mount: StorefrontMount): Promise<void> => {
  const tenants = storefrontTenantResolver(mount.settings, mount.cache);
  const storefront = createStorefront({
    ...mount.options,
    transport: injectTransport(app),
    tenantHeader: mount.settings.header_name,
    resolveTenant: tenants.resolve,
    peekTenant: tenants.peek,
  });
  if (mount.earlyAnswers) mount.earlyAnswers.answer = earlyPage(storefront);
  if (mount.metrics) registerStorefrontMetrics(mount.metrics, storefront);
  const unsubscribe = onIndexApplied(({ tenantId, tags }) => storefront.purge(tenantId, tags));
  app.addHook('onClose', async () => unsubscribe());
  await app.register(storefront.plugin);
};
