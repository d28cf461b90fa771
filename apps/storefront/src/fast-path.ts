import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { CachedPage, PageCache } from './cache/page-cache.js';
import { currencyOf } from './context.js';
import { COOKIE, parseCookies } from './http/cookies.js';
import { pageKey, SHARED_CACHE_CONTROL } from './page-route.js';
import type { SiteSettingsStore } from './site.js';

export interface FastPathParts {
  readonly cache: PageCache | undefined;
  readonly site: SiteSettingsStore;
  /** The tenant of a host when it is known without a lookup. */
  readonly peekTenant: ((hostname: string) => string | undefined) | undefined;
}

/** Paths that are never pages: not even looked at. */
const NOT_PAGES = ['/api/', '/graphql', '/health', '/metrics', '/admin', '/assets/', '/.well-known/', '/mcp', '/swagger'];

/**
 * Requests whose page is told by what a proxy forwarded, or that a hook has work for (CORS, a trace
 * to continue), go the usual way: only a plain browser GET is answered here.
 */
const plainGet = (request: IncomingMessage): boolean => {
  const h = request.headers;
  return (
    request.method === 'GET' &&
    h.origin === undefined &&
    h.traceparent === undefined &&
    h['x-forwarded-host'] === undefined &&
    h['x-forwarded-proto'] === undefined &&
    h.host !== undefined
  );
};

/** The host without its port, as Fastify's `request.hostname` gives it. */
const hostnameOf = (host: string): string => {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
};

/**
 * The cached page a request would get, found at once, before routing: a plain GET by a shopper who
 * is not signed in (a signed-in page may be rendered for them alone), whose tenant and its settings
 * are at hand. The key is made as the page's route makes it (origin, locale from the path's first
 * segment, currency, address); anything else (undefined) goes the page's usual way.
 */
export const peekCachedPage = (parts: FastPathParts, request: IncomingMessage): CachedPage | undefined => {
  const { cache, site, peekTenant } = parts;
  const url = request.url ?? '/';
  if (!cache || !peekTenant || !plainGet(request) || NOT_PAGES.some((prefix) => url.startsWith(prefix))) return undefined;
  const cookies = request.headers.cookie ? parseCookies(request.headers.cookie) : {};
  if (cookies[COOKIE.session]) return undefined;
  const host = request.headers.host ?? '';
  const tenantId = peekTenant(hostnameOf(host));
  const settings = tenantId ? site.peek(tenantId) : undefined;
  if (!tenantId || !settings) return undefined;
  const first = url.slice(1).split(/[/?]/, 1)[0] ?? '';
  const prefixed = settings.supportedLocales.includes(first);
  // The default locale has no prefix: `/en/...` is a 404 page, rendered the usual way.
  if (prefixed && first === settings.defaultLocale) return undefined;
  const locale = prefixed ? first : settings.defaultLocale;
  const origin = `${(request.socket as TLSSocket).encrypted ? 'https' : 'http'}://${host}`;
  return cache.get(pageKey(tenantId, origin, locale, currencyOf(settings, locale, cookies[COOKIE.currency]), url));
};

/** Writes a cached page (304 when the browser has it) with the headers given and the shop's own. */
export const writeCachedPage = (
  request: IncomingMessage,
  response: ServerResponse,
  page: CachedPage,
  headers: Readonly<Record<string, string>>,
): void => {
  const own = { ...headers, 'referrer-policy': 'same-origin', 'cache-control': SHARED_CACHE_CONTROL, vary: 'Cookie', etag: page.etag };
  if (request.headers['if-none-match'] === page.etag) {
    response.writeHead(304, own).end();
    return;
  }
  response
    .writeHead(page.status, { ...own, 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.body.length) })
    .end(page.body);
};
