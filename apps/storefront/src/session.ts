import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from './context.js';
import { COOKIE, clearCookie, cookiesOf, setCookie } from './http/cookies.js';

/** How long the cart cookie is kept (the API expires carts on its own). */
export const CART_COOKIE_SECONDS = 30 * 24 * 3600;
/** How long the refresh token's cookie is kept (the API decides whether it still works). */
const REFRESH_COOKIE_SECONDS = 30 * 24 * 3600;
/** How long the last order's cookie is kept (its confirmation page and the guest's order list). */
const ORDER_COOKIE_SECONDS = 90 * 24 * 3600;

/** An id and its secret token, as the cart and order cookies hold them (`<id>.<token>`). */
export interface Capability {
  readonly id: string;
  readonly token: string;
}

const capabilityOf = (value: string | undefined): Capability | undefined => {
  const [id, token, extra] = (value ?? '').split('.');
  return id && token && extra === undefined ? { id, token } : undefined;
};

export const cartCookieOf = (request: FastifyRequest): Capability | undefined => capabilityOf(cookiesOf(request)[COOKIE.cart]);

export const orderCookieOf = (request: FastifyRequest): Capability | undefined => capabilityOf(cookiesOf(request)[COOKIE.order]);

export const saveCart = (request: FastifyRequest, reply: FastifyReply, cart: Capability): void =>
  setCookie(request, reply, COOKIE.cart, `${cart.id}.${cart.token}`, { maxAge: CART_COOKIE_SECONDS });

export const saveOrder = (request: FastifyRequest, reply: FastifyReply, order: Capability): void =>
  setCookie(request, reply, COOKIE.order, `${order.id}.${order.token}`, { maxAge: ORDER_COOKIE_SECONDS });

/** A session as the API answers login, register and refresh. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

/** The session cookie goes this much before its token does, so that a page never sends a token that ran out on the way. */
const SESSION_MARGIN_SECONDS = 30;

export const saveSession = (request: FastifyRequest, reply: FastifyReply, session: SessionTokens): void => {
  const maxAge = Math.max(1, session.expiresIn - SESSION_MARGIN_SECONDS);
  setCookie(request, reply, COOKIE.session, session.accessToken, { maxAge });
  setCookie(request, reply, COOKIE.refresh, session.refreshToken, { maxAge: REFRESH_COOKIE_SECONDS });
};

export const clearSession = (request: FastifyRequest, reply: FastifyReply): void => {
  clearCookie(request, reply, COOKIE.session);
  clearCookie(request, reply, COOKIE.refresh);
};

export const refreshTokenOf = (request: FastifyRequest): string | undefined => cookiesOf(request)[COOKIE.refresh] || undefined;

/**
 * A signed-in page whose access token has run out (its cookie is gone, the refresh token's is
 * not): the refresh token is exchanged once for a new pair and the same address is asked again
 * (303), so the page then reads as the customer. A refresh the API refuses signs the shopper out.
 */
export const renewSession = async (
  ctx: PageContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ readonly redirect: string } | undefined> => {
  const refreshToken = refreshTokenOf(request);
  if (ctx.signedIn || !refreshToken || request.method !== 'GET') return undefined;
  const result = await ctx.api.send<SessionTokens>('POST', '/auth/refresh', { refreshToken });
  if (!result.ok) {
    clearSession(request, reply);
    return undefined;
  }
  saveSession(request, reply, result.value);
  return { redirect: request.url };
};

/** A path of this site (`/products/x`), never another site's address (`//evil`, `https:`): undefined otherwise. */
export const localPath = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : undefined;

/** A form field as a trimmed string ('' when missing or not text). */
export const field = (body: unknown, name: string): string => {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** A form field exactly as typed (passwords are not trimmed). */
export const rawField = (body: unknown, name: string): string => {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
};
