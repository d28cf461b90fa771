import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { shopApi } from '../../api/client.js';
import type { StoreRuntime } from '../../runtime.js';
import type { SiteSettings } from '../../site.js';
import { robotsText } from './robots.js';
import { sitemapEntries, sitemapXml } from './sitemap.js';

/** The sitemap shows every product and content node: purged with the lists of them. */
const SITEMAP_TAGS = ['products', 'content'];

interface Served {
  readonly tenantId: string;
  readonly site: SiteSettings;
  readonly origin: string;
}

/** The tenant a request's Host names and its settings, as pages resolve them; undefined when no shop is served there. */
const servedBy = async (runtime: StoreRuntime, request: FastifyRequest): Promise<Served | undefined> => {
  const tenantId = await runtime.resolveTenant(request.hostname);
  if (!tenantId) return undefined;
  const site = await runtime.site.of(tenantId, request.host, request.ip);
  return site ? { tenantId, site, origin: `${request.protocol}://${request.host}` } : undefined;
};

const sendText = (reply: FastifyReply, type: string, body: string, etag?: string): FastifyReply => {
  reply.type(type).header('cache-control', 'public, no-cache');
  if (etag) reply.header('etag', etag);
  return reply.send(body);
};

/** sitemap.xml of a tenant, from the page cache when it is there (one per host: its addresses are absolute). */
const sitemapOf = async (runtime: StoreRuntime, request: FastifyRequest, served: Served) => {
  const key = `${served.tenantId}|sitemap|${served.origin}`;
  const hit = runtime.cache?.get(key);
  if (hit) return { xml: hit.html, etag: hit.etag };
  const epoch = runtime.cache?.epochOf(served.tenantId) ?? 0;
  const api = shopApi(runtime.api, { tenantId: served.tenantId, host: request.host, clientIp: request.ip, requestId: request.id });
  const xml = sitemapXml(served.origin, served.site, await sitemapEntries(api, served.site));
  const kept = runtime.cache?.set(served.tenantId, key, { status: 200, html: xml, tags: SITEMAP_TAGS }, epoch);
  return { xml, etag: kept?.etag };
};

/** Routes that are not HTML pages (sitemap.xml, robots.txt), registered with the pages. */
export const registerSeoRoutes = (app: FastifyInstance, runtime: StoreRuntime): void => {
  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) => {
    const served = await servedBy(runtime, request);
    if (!served) return reply.code(404).type('text/plain; charset=utf-8').send('No shop is served at this address.\n');
    return sendText(reply, 'text/plain; charset=utf-8', robotsText(served.origin, served.site));
  });
  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const served = await servedBy(runtime, request);
    if (!served) return reply.code(404).type('text/plain; charset=utf-8').send('No shop is served at this address.\n');
    const { xml, etag } = await sitemapOf(runtime, request, served);
    if (etag && request.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
    return sendText(reply, 'application/xml; charset=utf-8', xml, etag);
  });
};
