import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of every response: what the admin SPA (a Vite build served at
 * /admin: module scripts and style sheets from this origin) and the server-rendered storefront need.
 * Inline scripts are never allowed. Inline styles are (`style="…"` attributes in rendered HTML and
 * styles injected by UI libraries); they cannot run code. Images may come from any HTTPS host
 * (product images are URLs). `upgrade-insecure-requests` is left out so that plain-HTTP development
 * servers keep working; HSTS upgrades browsers in production.
 */
export const DEFAULT_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'self'"],
  'form-action': ["'self'"],
};

/** Where mercurius' GraphiQL page loads React and GraphiQL from (scripts, its style sheet, its service worker's cache). */
const GRAPHIQL_CDN = 'https://unpkg.com';

/** GraphiQL (development only): its scripts, style sheet and fonts come from the CDN; its page has an inline <style>. */
export const GRAPHIQL_CSP: Directives = {
  ...DEFAULT_CSP,
  'script-src': ["'self'", GRAPHIQL_CDN],
  'style-src': ["'self'", "'unsafe-inline'", GRAPHIQL_CDN],
  'font-src': ["'self'", 'data:', GRAPHIQL_CDN],
  'connect-src': ["'self'", GRAPHIQL_CDN],
  'worker-src': ["'self'"],
};

/**
 * Swagger UI (@fastify/swagger-ui) loads only its own scripts and style sheets from /swagger/static
 * and needs no inline script; its own policy (`staticCSP`) allows `data:` images and the
 * validator badge, and fonts from HTTPS hosts. The default policy with fonts from HTTPS hosts covers that.
 */
export const SWAGGER_CSP: Directives = { ...DEFAULT_CSP, 'font-src': ["'self'", 'data:', 'https:'] };

const options = (directives: Directives): FastifyHelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  crossOriginEmbedderPolicy: false,
});

/** The policy of a route by its path: GraphiQL and Swagger UI get their own, everything else the default. */
const policyOf = (url: string): Directives | undefined => {
  if (url === '/graphiql' || url.startsWith('/graphiql/')) return GRAPHIQL_CSP;
  if (url === '/swagger' || url.startsWith('/swagger/')) return SWAGGER_CSP;
  return undefined;
};

/**
 * Security headers on every response (@fastify/helmet): CSP, HSTS, X-Content-Type-Options,
 * X-Frame-Options, Referrer-Policy, Cross-Origin-Opener/Resource-Policy and the rest of helmet's
 * defaults. They are set when a request arrives, so error answers (problem+json) carry them too.
 * Register before the routes: routes under /graphiql and /swagger get their own policies.
 */
export const registerSecurityHeaders = async (app: FastifyInstance): Promise<void> => {
  // Added before helmet's own onRoute hook, which moves a route's `helmet` options into its config.
  app.addHook('onRoute', (route) => {
    const policy = policyOf(route.url);
    if (policy && route.helmet === undefined) route.helmet = options(policy);
  });
  await app.register(helmet, { ...options(DEFAULT_CSP), global: true });
};
