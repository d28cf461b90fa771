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

/**
 * The headers of API answers (JSON, problem+json, metrics, files): no browser renders them as a page,
 * so the document-only headers (COOP, Origin-Agent-Cluster, X-XSS-Protection, X-DNS-Prefetch-Control,
 * X-Download-Options, X-Permitted-Cross-Domain-Policies) are left out and the policy forbids
 * everything (the OWASP REST set). Half the bytes of the page set on every API answer.
 */
const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'none';frame-ancestors 'none'",
  'cross-origin-resource-policy': DEFAULT_HEADERS['cross-origin-resource-policy'] ?? 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': DEFAULT_HEADERS['strict-transport-security'] ?? 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/** Whether `url` starts with `prefix` as a whole path segment (`/graphql`, `/graphql?…`, `/graphql/…`, not `/graphqlx`). */
const underPath = (url: string, prefix: string): boolean => {
  if (!url.startsWith(prefix)) return false;
  const next = url[prefix.length];
  return next === undefined || next === '/' || next === '?';
};

/** Paths answered with data, never with a page: the REST API, GraphQL over POST/GET, health, metrics, JWKS. */
const isApiPath = (url: string): boolean =>
  url.startsWith('/api/') ||
  underPath(url, '/graphql') ||
  url.startsWith('/health/') ||
  underPath(url, '/metrics') ||
  url.startsWith('/.well-known/');

/** The headers of a request by its path: API answers the API set; GraphiQL and Swagger UI their own policies; pages the default. */
export const securityHeadersFor = (url: string): Readonly<Record<string, string>> => {
  if (isApiPath(url)) return API_HEADERS;
  if (underPath(url, '/graphiql')) return GRAPHIQL_HEADERS;
  if (underPath(url, '/swagger')) return SWAGGER_HEADERS;
  return DEFAULT_HEADERS;
};

/**
 * Security headers on every response: pages get helmet's set (CSP, HSTS, X-Content-Type-Options,
 * X-Frame-Options, Referrer-Policy, Cross-Origin-Opener/Resource-Policy and the rest of helmet's
 * defaults), API answers the API set. They are set when a request arrives, so error answers
 * (problem+json) carry them too.
 */
export const registerSecurityHeaders = async (app: FastifyInstance): Promise<void> => {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeadersFor(request.url));
    done();
  });
};
