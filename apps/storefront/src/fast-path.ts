import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from './cache/page-cache.js';
import { currencyOf } from './context.js';
import { COOKIE, cookiesOf } from './http/cookies.js';
import { localeOf, pageKey, sendCachedPage } from './page-route.js';
import type { Params } from './page-types.js';
import type { SiteSettingsStore } from './site.js';

export interface FastPathParts {
  readonly cache: PageCache | undefined;
  readonly site: SiteSettingsStore;
  /** The tenant of a host when it is known without a lookup. */
  readonly peekTenant: ((hostname: string) => string | undefined) | undefined;
}

/**
 * The cached page a request would get, found without any awaiting: only for a GET of a page route
 * by a shopper who is not signed in (a signed-in page may be rendered for them alone), whose tenant
 * and its settings are at hand. Anything else (undefined) goes the page's usual way.
 */
export const peekCachedPage = (parts: FastPathParts, request: FastifyRequest): CachedPage | undefined => {
  const { cache, site, peekTenant } = parts;
  if (!cache || !peekTenant || request.method !== 'GET') return undefined;
  if (request.routeOptions.config?.storefrontPage !== true) return undefined;
  const cookies = request.headers.cookie ? cookiesOf(request) : {};
  if (cookies[COOKIE.session]) return undefined;
  const tenantId = peekTenant(request.hostname);
  const settings = tenantId ? site.peek(tenantId) : undefined;
  if (!tenantId || !settings) return undefined;
  const located = localeOf(settings, (request.params as Params).locale);
  if (!located) return undefined;
  return cache.get(pageKey(tenantId, located.locale, currencyOf(settings, located.locale, cookies[COOKIE.currency]), request.url));
};

/** The cached page as the answer, with the shop's own headers (referrer policy, caching, ETag; 304 when the browser has it). */
export const sendPeekedPage = (request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply => {
  reply.header('referrer-policy', 'same-origin');
  return sendCachedPage(request, reply, page);
};
