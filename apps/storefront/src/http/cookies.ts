import type { FastifyReply, FastifyRequest } from 'fastify';

/** The storefront's cookies: all HttpOnly, SameSite=Lax, Secure over https. */
export const COOKIE = {
  /** `<cartId>.<cartToken>` of the shopper's open cart. */
  cart: 'rk_cart',
  /** The signed-in customer's access token. */
  session: 'rk_session',
  /** Their refresh token. */
  refresh: 'rk_refresh',
  /** The currency the shopper chose. */
  currency: 'rk_currency',
  /** `<orderId>.<orderToken>` of the last order placed as a guest (its confirmation and lookup). */
  order: 'rk_order',
} as const;

/** Cookies by name from a Cookie header (the first of repeated names wins; malformed encodings are kept as sent). */
export const parseCookies = (header: string): Record<string, string> => {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!name || name in cookies) continue;
    const raw = part.slice(at + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
};

/** The request's cookies by name. */
export const cookiesOf = (request: FastifyRequest): Record<string, string> => {
  const header = request.headers.cookie;
  return header ? parseCookies(header) : {};
};

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie; a session cookie without it. */
  readonly maxAge?: number;
}

/** Adds a Set-Cookie (several per answer are kept). */
export const setCookie = (request: FastifyRequest, reply: FastifyReply, name: string, value: string, options: CookieOptions = {}): void => {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (request.protocol === 'https') parts.push('Secure');
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  reply.header('set-cookie', [...list, parts.join('; ')]);
};

export const clearCookie = (request: FastifyRequest, reply: FastifyReply, name: string): void =>
  setCookie(request, reply, name, '', { maxAge: 0 });
