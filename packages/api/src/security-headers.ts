import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of every response: what the admin SPA (a Vite build served at
 * /admin: module scripts and style sheets from this origin) and the server-rendered storefront need.
 * Inline scripts are never allowed. Inline styles are (`style="…"` attributes in rendered HTML and
 * styles injected by UI libraries); they cannot run code. Images may come from any HTTPS host
 * (product images are URLs). `upgrade-insecure-requests` is left out so that plain-HTTP development
 * servers keep working; HSTS upgrades browsers in production.
 */
const DEFAULT_CSP: Directives = {
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
const GRAPHIQL_CSP: Directives = {
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
const SWAGGER_CSP: Directives = { ...DEFAULT_CSP, 'font-src': ["'self'", 'data:', 'https:'] };

const options = (directives: Directives): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  crossOriginEmbedderPolicy: false,
});

/**
 * The headers helmet sets for a policy, computed once: helmet's middleware builds its header values
 * from its options on every call, so it runs here against a recording response instead of per request.
 */
const securityHeadersOf = (directives: Directives): Readonly<Record<string, string>> => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options(directives))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
};

const DEFAULT_HEADERS = securityHeadersOf(DEFAULT_CSP);
const GRAPHIQL_HEADERS = securityHeadersOf(GRAPHIQL_CSP);
const SWAGGER_HEADERS = securityHeadersOf(SWAGGER_CSP);

/** The headers of a request by its path: GraphiQL and Swagger UI get their own policies, everything else the default. */
export const securityHeadersFor = (url: string): Readonly<Record<string, string>> => {
  if (url.startsWith('/graphiql') && (url.length === 9 || url[9] === '/' || url[9] === '?')) return GRAPHIQL_HEADERS;
  if (url.startsWith('/swagger') && (url.length === 8 || url[8] === '/' || url[8] === '?')) return SWAGGER_HEADERS;
  return DEFAULT_HEADERS;
};

/**
 * Security headers on every response (helmet's set): CSP, HSTS, X-Content-Type-Options,
 * X-Frame-Options, Referrer-Policy, Cross-Origin-Opener/Resource-Policy and the rest of helmet's
 * defaults. They are set when a request arrives, so error answers (problem+json) carry them too.
 */
export const registerSecurityHeaders = async (app: FastifyInstance): Promise<void> => {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeadersFor(request.url));
    done();
  });
};
