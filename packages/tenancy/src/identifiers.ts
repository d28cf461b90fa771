import { domainToUnicode } from 'node:url';
import { type AppError, isId } from '@rustok/kernel';
import { tenancyErrors } from './errors.js';

/**
 * Tenant identifiers as they arrive from requests (a header, the Host). They are validated and
 * normalised here, before any cache or database lookup, so malformed or hostile input never gets
 * further than a 400.
 */
export type ParsedIdentifier =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'slug'; readonly slug: string }
  | { readonly kind: 'host'; readonly host: string };

export type IdentifierKind = 'slug-or-id' | 'host';

const MAX_IDENTIFIER_LENGTH = 253;
const MAX_SLUG_LENGTH = 64;

/**
 * Slugs a tenant may not have: they name platform hosts and routes (as a subdomain they would
 * shadow them) or are values that code mistakes for "nothing". `default` and `demo` are tenants.
 */
// biome-ignore format: one block reads better than one slug per line
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'abuse', 'account', 'accounts', 'admin', 'administrator', 'api', 'api-docs', 'app', 'apps', 'assets', 'auth',
  'billing', 'cache', 'cdn', 'config', 'console', 'dashboard', 'dev', 'dns', 'doc', 'docs', 'email', 'false',
  'files', 'ftp', 'graphiql', 'graphql', 'health', 'healthz', 'help', 'hostmaster', 'imap', 'internal',
  'localhost', 'login', 'logout', 'mail', 'media', 'metrics', 'mx', 'nan', 'nil', 'none', 'ns', 'ns1', 'ns2',
  'null', 'oauth', 'openapi', 'platform', 'pop', 'pop3', 'postmaster', 'private', 'public', 'ready', 'readyz',
  'register', 'root', 'rustok', 'security', 'sftp', 'signin', 'signup', 'smtp', 'sso', 'staging', 'static',
  'status', 'storage', 'superadmin', 'support', 'swagger', 'system', 'tenant', 'tenants', 'test', 'true',
  'undefined', 'uploads', 'webhook', 'webhooks', 'webmaster', 'ws', 'wss', 'www',
]);

/** TENANT_IDENTIFIER_INVALID (400) with the reason in the detail and in `meta.reason`. */
export const invalidIdentifier = (reason: string): AppError =>
  tenancyErrors.TENANT_IDENTIFIER_INVALID(`The tenant identifier is invalid: ${reason}`, { meta: { reason } });

const reserved = (slug: string): AppError =>
  tenancyErrors.TENANT_SLUG_RESERVED(`"${slug}" is a reserved name and cannot identify a tenant`, { meta: { slug } });

// Printable ASCII only: anything else (control characters, any Unicode, including look-alikes
// that lower-case to ASCII such as the Kelvin sign U+212A) is refused before any transformation.
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NOT_SLUG_CHAR = /[^a-z0-9-]/;
const NOT_HOST_CHAR = /[^a-z0-9.-]/;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PORT = /:(\d{1,5})$/;

/** Checks that cost nothing and apply to every kind: length first, then the character repertoire. */
const screen = (raw: string): string => {
  if (raw.length > MAX_IDENTIFIER_LENGTH) throw invalidIdentifier(`longer than ${MAX_IDENTIFIER_LENGTH} characters`);
  if (NOT_PRINTABLE_ASCII.test(raw)) throw invalidIdentifier('only printable ASCII characters are allowed');
  const text = raw.trim().toLowerCase();
  if (text === '') throw invalidIdentifier('empty');
  if (text.includes('%')) throw invalidIdentifier('percent-encoded characters are not allowed');
  if (text.includes('..')) throw invalidIdentifier('".." (path traversal, empty host label) is not allowed');
  return text;
};

/** Names the first refused character by code point, so the message never echoes markup or SQL back. */
const checkCharacters = (text: string, refused: RegExp, rule: string): void => {
  const bad = refused.exec(text)?.[0];
  if (bad === undefined) return;
  const codePoint = `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  throw invalidIdentifier(`character ${codePoint} is not allowed (${rule})`);
};

/** RFC 5891 reserves labels with "--" in positions 3 and 4; only well-formed punycode ("xn--") may use them. */
const checkHyphens = (label: string, allowPunycode: boolean): void => {
  if (label.slice(2, 4) !== '--') return;
  if (!label.startsWith('xn--')) throw invalidIdentifier('"--" in the third and fourth position is reserved');
  if (!allowPunycode) throw invalidIdentifier('punycode (xn--) is not allowed in a slug');
};

const checkSlug = (slug: string): string => {
  if (slug.length > MAX_SLUG_LENGTH) throw invalidIdentifier(`a slug has at most ${MAX_SLUG_LENGTH} characters`);
  checkCharacters(slug, NOT_SLUG_CHAR, 'a slug may only contain a-z, 0-9 and "-"');
  if (slug.startsWith('-') || slug.endsWith('-')) throw invalidIdentifier('a slug cannot start or end with "-"');
  checkHyphens(slug, false);
  return slug;
};

/**
 * Validates a slug for a new or renamed tenant: the identifier rules, not reserved, and not shaped
 * like a UUID (a UUID-shaped identifier is always read as an id).
 */
export const assertTenantSlugAllowed = (slug: string): void => {
  checkSlug(screen(slug));
  if (slug !== slug.toLowerCase() || slug !== slug.trim()) throw invalidIdentifier('a slug must be lower-case without surrounding spaces');
  if (RESERVED_SLUGS.has(slug)) throw reserved(slug);
  if (UUID_SHAPE.test(slug)) throw invalidIdentifier('a slug cannot have the form of a UUID');
};

const stripPort = (text: string): string => {
  if (text.startsWith('[')) throw invalidIdentifier('IP literals are not tenant hosts');
  const match = PORT.exec(text);
  if (!match) return text;
  if (Number(match[1]) > 65_535) throw invalidIdentifier('port out of range');
  return text.slice(0, match.index);
};

const checkHost = (text: string): string => {
  const withoutPort = stripPort(text);
  const host = withoutPort.endsWith('.') ? withoutPort.slice(0, -1) : withoutPort;
  if (host === '') throw invalidIdentifier('empty host');
  checkCharacters(host, NOT_HOST_CHAR, 'a host may only contain a-z, 0-9, "-" and "."');
  const labels = host.split('.');
  for (const label of labels) {
    if (!LABEL.test(label)) throw invalidIdentifier('host labels are 1-63 characters of a-z, 0-9 and "-", not at either end');
    checkHyphens(label, true);
  }
  if (host.includes('xn--') && domainToUnicode(host) === '') throw invalidIdentifier('malformed punycode');
  return host;
};

const parseSlugOrId = (text: string): ParsedIdentifier => {
  if (UUID_SHAPE.test(text)) {
    if (!isId(text)) throw invalidIdentifier('the nil UUID is not a tenant id');
    return { kind: 'id', id: text };
  }
  const slug = checkSlug(text);
  if (RESERVED_SLUGS.has(slug)) throw reserved(slug);
  return { kind: 'slug', slug };
};

/**
 * Reads a tenant identifier: `slug-or-id` for a header value (a UUID is an id, anything else must
 * be a slug), `host` for a Host header (a port and a trailing dot are dropped). Throws a 400
 * AppError (TENANT_IDENTIFIER_INVALID with `meta.reason`, or TENANT_SLUG_RESERVED).
 */
export const parseTenantIdentifier = (raw: string, kind: IdentifierKind): ParsedIdentifier => {
  const text = screen(raw);
  return kind === 'host' ? { kind: 'host', host: checkHost(text) } : parseSlugOrId(text);
};

/** A subdomain label naming a tenant by slug (reserved names refused), for subdomain resolution. */
export const parseSubdomainLabel = (label: string): ParsedIdentifier => {
  const text = screen(label);
  if (UUID_SHAPE.test(text)) throw invalidIdentifier('a subdomain names a tenant by slug, not by id');
  return parseSlugOrId(text);
};
