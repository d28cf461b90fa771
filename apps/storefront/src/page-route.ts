import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ShopperRateLimited, shopApi } from './api/client.js';
import type { CachedPage } from './cache/page-cache.js';
import { currencyOf, type PageContext } from './context.js';
import { COOKIE, cookiesOf } from './http/cookies.js';
import type { PageResult, PageRoute, Params } from './page-types.js';
import type { StoreRuntime } from './runtime.js';
import { renderDocument } from './views/document.js';
import { ErrorView, NotFoundView } from './views/errors.js';

export type { PageOutcome, PageResult, PageRoute, Params } from './page-types.js';

export const SHARED_CACHE_CONTROL = 'public, no-cache';
const PRIVATE_CACHE_CONTROL = 'private, no-store';

const originOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/** The page's locale from its path: undefined when the prefix is not one of the tenant's (a 404). */
export const localeOf = (runtime: { defaultLocale: string; supportedLocales: readonly string[] }, prefix: string | undefined) => {
  if (prefix === undefined) return { locale: runtime.defaultLocale, prefix: '' };
  if (prefix === runtime.defaultLocale || !runtime.supportedLocales.includes(prefix)) return undefined;
  return { locale: prefix, prefix: `/${prefix}` };
};

const sendHtml = (reply: FastifyReply, status: number, html: string | Buffer, shared: boolean, etag?: string): FastifyReply => {
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', shared ? SHARED_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
  if (shared) reply.header('vary', 'Cookie');
  if (etag) reply.header('etag', etag);
  return reply.send(html);
};

const notModified = (request: FastifyRequest, etag: string): boolean => request.headers['if-none-match'] === etag;

/** The page cache's key of a page: tenant, origin (its absolute links), locale, currency and the address as asked. */
export const pageKey = (tenantId: string, origin: string, locale: string, currency: string, url: string): string =>
  `${tenantId}|${origin}|${locale}|${currency}|${url}`;

/** A cached page as the answer (304 when the browser has it). */
export const sendCachedPage = (request: FastifyRequest, reply: FastifyReply, hit: CachedPage): FastifyReply =>
  notModified(request, hit.etag)
    ? reply.code(304).header('etag', hit.etag).header('cache-control', SHARED_CACHE_CONTROL).header('vary', 'Cookie').send()
    : sendHtml(reply, hit.status, hit.body, true, hit.etag);

/** A bare page for requests no tenant serves (no tenant: no theme, no menus). */
const NO_SHOP_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1><p>No shop is served at this address.</p></body></html>';

const TOO_MANY_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many requests</title></head><body><h1>Too many requests</h1><p>Please wait a moment and try again.</p></body></html>';

interface Prepared {
  readonly ctx: PageContext;
  readonly key: string;
}

const prepare = async (runtime: StoreRuntime, request: FastifyRequest, params: Params): Promise<Prepared | 'no-tenant' | 'not-found'> => {
  const tenantId = await runtime.resolveTenant(request.hostname);
  if (!tenantId) return 'no-tenant';
  const site = await runtime.site.of(tenantId, request.host, request.ip);
  if (!site) return 'no-tenant';
  const located = localeOf(site, params.locale);
  if (!located) return 'not-found';
  const cookies = cookiesOf(request);
  const currency = currencyOf(site, located.locale, cookies[COOKIE.currency]);
  const [cartId, cartToken] = (cookies[COOKIE.cart] ?? '').split('.');
  const api = shopApi(runtime.api, {
    tenantId,
    host: request.host,
    clientIp: request.ip,
    accessToken: cookies[COOKIE.session],
    cartToken: cartId && cartToken ? cartToken : undefined,
    requestId: request.id,
  });
  const url = new URL(request.url, 'http://x');
  const path = located.prefix ? url.pathname.slice(located.prefix.length) || '/' : url.pathname;
  const base: Omit<PageContext, 'nav'> = {
    site,
    locale: located.locale,
    prefix: located.prefix,
    currency,
    path,
    query: url.searchParams,
    origin: originOf(request),
    api,
    signedIn: Boolean(cookies[COOKIE.session]),
    href: (to) => (located.prefix ? (to === '/' ? located.prefix : `${located.prefix}${to}`) : to),
  };
  const ctx: PageContext = { ...base, nav: await runtime.nav.of(base) };
  return { ctx, key: pageKey(tenantId, base.origin, located.locale, currency, request.url) };
};

const renderResult = (runtime: StoreRuntime, ctx: PageContext, result: PageResult): string =>
  renderDocument({ ctx, head: result.head, body: result.body, assets: runtime.assets, islands: result.islands ?? [] });

/** The 404 page in the tenant's frame. */
export const notFoundPage = (runtime: StoreRuntime, ctx: PageContext): string => renderResult(runtime, ctx, NotFoundView(ctx));

const answer = async (runtime: StoreRuntime, route: PageRoute, request: FastifyRequest, reply: FastifyReply, params: Params) => {
  const prepared = await prepare(runtime, request, params);
  if (prepared === 'no-tenant') return sendHtml(reply, 404, NO_SHOP_HTML, false);
  if (prepared === 'not-found') return sendNotFound(runtime, request, reply);
  const { ctx, key } = prepared;
  const shared = (typeof route.shared === 'function' ? route.shared(ctx) : route.shared) && request.method === 'GET';
  const cache = shared ? runtime.cache : undefined;
  const hit = cache?.get(key);
  if (hit) {
    runtime.answers.cached++;
    return sendCachedPage(request, reply, hit);
  }
  if (cache) runtime.answers.rendered++;
  const epoch = cache?.epochOf(ctx.site.tenant.id) ?? 0;
  const outcome = await route.load(ctx, params, request, reply);
  if ('redirect' in outcome)
    return reply
      .code(outcome.status ?? 303)
      .header('cache-control', PRIVATE_CACHE_CONTROL)
      .redirect(outcome.redirect);
  if ('notFound' in outcome) return sendHtml(reply.code(404), 404, notFoundPage(runtime, ctx), false);
  const status = outcome.status ?? 200;
  const html = renderResult(runtime, ctx, outcome);
  if (!cache || status !== 200) return sendHtml(reply, status, html, shared);
  const kept = cache.set(ctx.site.tenant.id, key, { status, html, tags: [...(outcome.tags ?? []), ...ctx.nav.tags] }, epoch);
  return sendHtml(reply, status, html, true, kept.etag);
};

/** Registers a page at its path and under each locale prefix (`/:locale/...`). */
export const registerPage = (app: FastifyInstance, runtime: StoreRuntime, route: PageRoute): void => {
  const method = route.method ?? 'GET';
  const handler = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    try {
      return await answer(runtime, route, request, reply, request.params);
    } catch (error) {
      if (error instanceof ShopperRateLimited) {
        reply.header('retry-after', error.retryAfterSeconds);
        return sendHtml(reply, 429, TOO_MANY_HTML, false);
      }
      request.log.error({ err: error }, 'storefront page failed');
      const prepared = await prepare(runtime, request, {}).catch(() => undefined);
      const html = prepared && typeof prepared === 'object' ? renderResult(runtime, prepared.ctx, ErrorView(prepared.ctx)) : NO_SHOP_HTML;
      return sendHtml(reply, 500, html, false);
    }
  };
  const localized = route.path === '/' ? '/:locale' : `/:locale${route.path}`;
  const config = { storefrontPage: method === 'GET' };
  for (const url of [route.path, localized]) app.route({ method, url, schema: { hide: true }, config, handler });
};

/** Paths of the platform outside the storefront: their unknown addresses stay problem+json 404s. */
const PLATFORM_PREFIXES = ['/api/', '/graphql', '/graphiql', '/health', '/metrics', '/swagger', '/admin', '/.well-known/', '/mcp'];

/** The 404 page, in the locale the address starts with when it is one of the tenant's. */
const sendNotFound = async (runtime: StoreRuntime, request: FastifyRequest, reply: FastifyReply) => {
  const first = request.url.split('?')[0]?.split('/')[1] ?? '';
  let prepared = await prepare(runtime, request, { locale: first }).catch(() => undefined);
  if (!prepared || typeof prepared !== 'object') prepared = await prepare(runtime, request, {}).catch(() => undefined);
  if (!prepared || typeof prepared !== 'object') return sendHtml(reply, 404, NO_SHOP_HTML, false);
  return sendHtml(reply, 404, notFoundPage(runtime, prepared.ctx), false);
};

/** The 404 page for any GET address no page answers (outside the platform's own paths). */
export const registerNotFound = (app: FastifyInstance, runtime: StoreRuntime): void => {
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (PLATFORM_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return reply.callNotFound();
    return sendNotFound(runtime, request, reply);
  });
};
