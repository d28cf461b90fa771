import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { loadAssets } from './assets.js';
import { type CachedPage, createPageCache } from './cache/page-cache.js';
import { peekCachedPage, writeCachedPage } from './fast-path.js';
import { createNavStore } from './nav.js';
import { registerNotFound, registerPage } from './page-route.js';
import { PAGES } from './routes/index.js';
import { registerSeoRoutes } from './routes/seo/index.js';
import type { PageAnswers, StorefrontOptions, StoreRuntime } from './runtime.js';
import { createSiteSettings } from './site.js';

export interface Storefront {
  /** Serves the pages at `/` (register it after the API, in the same app or its own). */
  readonly plugin: FastifyPluginAsync;
  /** Drops a tenant's cached pages that show any of the tags (or all of them). */
  purge(tenantId: string, tags: readonly string[] | 'all'): void;
  /**
   * The cached page a request would get, when it can be told at once (a plain GET of a page by a
   * shopper not signed in, tenant and settings at hand): a server may answer it before routing.
   */
  peekCached(request: IncomingMessage): CachedPage | undefined;
  /** Writes a page `peekCached` gave, with the headers every answer of the server carries and the shop's own. */
  writeCached(request: IncomingMessage, response: ServerResponse, page: CachedPage, headers: Readonly<Record<string, string>>): void;
  /** Shared pages answered so far, by how; and what the page cache holds. */
  stats(): PageAnswers & { readonly pages: number; readonly bytes: number };
}

/** Form posts (`application/x-www-form-urlencoded`) as a plain object of their fields (the last value of a repeated name). */
const registerFormParser = (app: FastifyInstance): void => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
};

const registerAssets = (app: FastifyInstance, runtime: StoreRuntime): void => {
  app.get<{ Params: { name: string } }>('/assets/:name', { schema: { hide: true } }, async (request, reply) => {
    const file = runtime.assets.files.get(request.params.name);
    if (!file) return reply.callNotFound();
    return reply.type(file.type).header('cache-control', 'public, max-age=31536000, immutable').send(file.body);
  });
};

/** The storefront: server-rendered pages of the tenant a request's Host names, cached and purged by tag. */
export const createStorefront = (options: StorefrontOptions): Storefront => {
  const cache = options.cache === false ? undefined : createPageCache(options.cache);
  const api = { transport: options.transport, tenantHeader: options.tenantHeader ?? 'X-Tenant-ID' };
  const ttlMs = options.siteTtlMs ?? 10_000;
  const nav = createNavStore({ api, ttlMs, onChange: (tenantId, tags) => void cache?.purge(tenantId, tags) });
  const purge = (tenantId: string, tags: readonly string[] | 'all') => {
    // A menu's event: its pages are purged and the menus read again (not kept until their lifetime ends).
    if (tags === 'all' || tags.some((tag) => tag.startsWith('menu:'))) nav.forget(tenantId);
    cache?.purge(tenantId, tags);
  };
  const answers: PageAnswers = { early: 0, cached: 0, rendered: 0 };
  const site = createSiteSettings({ api, ttlMs, onChange: (tenantId) => purge(tenantId, 'all') });
  const plugin: FastifyPluginAsync = async (app) => {
    const runtime: StoreRuntime = {
      answers,
      api,
      cache,
      site,
      nav,
      assets: await loadAssets(options.assets ?? 'auto'),
      resolveTenant: options.resolveTenant,
    };
    // Every answer of the shop (pages, 304s, redirects, files): not the platform's no-referrer, under
    // which browsers send `Origin: null` with the page's own form posts (and keep a 304's headers for
    // the page they had), so the same-origin check of the shop's forms would refuse them.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.header('referrer-policy', 'same-origin');
      done();
    });
    registerFormParser(app);
    registerAssets(app, runtime);
    for (const page of PAGES) registerPage(app, runtime, page);
    registerSeoRoutes(app, runtime);
    registerNotFound(app, runtime);
  };
  const parts = { cache, site, peekTenant: options.peekTenant };
  return {
    plugin,
    purge,
    peekCached: (request) => peekCachedPage(parts, request),
    writeCached: (request, response, page, headers) => {
      answers.early++;
      writeCachedPage(request, response, page, headers);
    },
    stats: () => ({ ...answers, pages: cache?.size ?? 0, bytes: cache?.bytes ?? 0 }),
  };
};
