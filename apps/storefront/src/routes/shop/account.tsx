import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiProblem } from '../../api/client.js';
import type { PageContext } from '../../context.js';
import { COOKIE, clearCookie } from '../../http/cookies.js';
import { messagesFor } from '../../i18n/messages.js';
import { type ShopText, shopMessages } from '../../i18n/shop.js';
import type { PageOutcome, PageResult, PageRoute } from '../../page-types.js';
import {
  cartCookieOf,
  clearSession,
  field,
  localPath,
  rawField,
  refreshTokenOf,
  renewSession,
  type SessionTokens,
  saveSession,
} from '../../session.js';
import { type AccountFormState, AccountView, SignedOutView } from '../../views/shop/account-view.js';
import { customerOf, ordersOf } from './customer.js';
import { formRoute } from './guard.js';

const signedOutPage = (ctx: PageContext, t: ShopText, state: AccountFormState, status = 200): PageResult => ({
  status,
  head: { title: t.accountTitle, noindex: true },
  body: <SignedOutView ctx={ctx} t={t} state={state} />,
});

/** GET /account: the customer's account and orders, or the sign-in and register forms. */
const accountPage: PageRoute = {
  path: '/account',
  shared: false,
  load: async (ctx, _params, request, reply): Promise<PageOutcome> => {
    const renewed = await renewSession(ctx, request, reply);
    if (renewed) return renewed;
    const t = messagesFor(shopMessages, ctx.locale);
    const customer = await customerOf(ctx);
    if (!customer && ctx.signedIn) {
      // The access token is no longer good: drop it; with a refresh token the next request renews the session.
      clearCookie(request, reply, COOKIE.session);
      if (refreshTokenOf(request)) return { redirect: request.url, status: 303 };
    }
    if (!customer) {
      const notice = ctx.query.get('reset') === '1' ? t.passwordChanged : undefined;
      return signedOutPage(ctx, t, { back: localPath(ctx.query.get('back')), notice });
    }
    return {
      head: { title: t.accountTitle, noindex: true },
      body: <AccountView ctx={ctx} t={t} customer={customer} orders={await ordersOf(ctx)} />,
    };
  },
};

/** After signing in: the session in cookies, the guest cart made the customer's, then on to `back` or the account. */
const signedIn = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, session: SessionTokens): Promise<PageOutcome> => {
  saveSession(request, reply, session);
  const cart = cartCookieOf(request);
  if (cart) {
    const headers = { authorization: `Bearer ${session.accessToken}`, 'x-cart-token': cart.token };
    await ctx.api.send('POST', `/store/carts/${encodeURIComponent(cart.id)}/claim`, undefined, headers);
  }
  return { redirect: localPath(field(request.body, 'back')) ?? ctx.href('/account'), status: 303 };
};

/** POST /account/sign-in (email, password). */
const signIn = formRoute('/account/sign-in', async (ctx, _params, request, reply) => {
  const t = messagesFor(shopMessages, ctx.locale);
  const email = field(request.body, 'email');
  const password = rawField(request.body, 'password');
  const back = localPath(field(request.body, 'back'));
  if (!email || !password) return signedOutPage(ctx, t, { form: 'signIn', email, back, message: t.badCredentials }, 422);
  const result = await ctx.api.send<SessionTokens>('POST', '/auth/login', { email, password });
  if (result.ok) return signedIn(ctx, request, reply, result.value);
  const message = result.status === 401 ? t.badCredentials : result.problem.detail || t.errGeneric;
  return signedOutPage(ctx, t, { form: 'signIn', email, back, message }, result.status === 401 ? 401 : 422);
});

const registerErrors = (t: ShopText, problem: ApiProblem): Record<string, string> => {
  if (problem.code === 'AUTH_EMAIL_TAKEN' || problem.status === 409) return { email: t.emailTaken };
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = error.path.split(/[/.]/).filter(Boolean).pop();
    if ((name === 'email' || name === 'password') && !errors[name]) errors[name] = error.message;
  }
  if (Object.keys(errors).length === 0 && problem.detail) errors.password = problem.detail;
  return errors;
};

/** POST /account/register (name, email, password). */
const register = formRoute('/account/register', async (ctx, _params, request, reply) => {
  const t = messagesFor(shopMessages, ctx.locale);
  const name = field(request.body, 'name');
  const email = field(request.body, 'email');
  const password = rawField(request.body, 'password');
  const state = { form: 'register' as const, email, name, back: localPath(field(request.body, 'back')) };
  if (!email || !password) {
    const errors = { ...(email ? {} : { email: t.required }), ...(password ? {} : { password: t.required }) };
    return signedOutPage(ctx, t, { ...state, errors, message: t.formErrors }, 422);
  }
  const result = await ctx.api.send<Partial<SessionTokens>>('POST', '/auth/register', { email, password, ...(name ? { name } : {}) });
  if (!result.ok) {
    if (result.status === 403) return signedOutPage(ctx, t, { ...state, message: t.registrationClosed }, 403);
    return signedOutPage(ctx, t, { ...state, errors: registerErrors(t, result.problem), message: t.formErrors }, 422);
  }
  const { accessToken, refreshToken, expiresIn } = result.value;
  if (!accessToken || !refreshToken || !expiresIn) return signedOutPage(ctx, t, { notice: t.verifyEmail });
  return signedIn(ctx, request, reply, { accessToken, refreshToken, expiresIn });
});

/** POST /account/sign-out: the refresh token revoked, the cookies dropped. */
const signOut = formRoute('/account/sign-out', async (ctx, _params, request, reply) => {
  const refreshToken = refreshTokenOf(request);
  if (refreshToken) await ctx.api.send('POST', '/auth/logout', { refreshToken });
  clearSession(request, reply);
  return { redirect: ctx.href('/account'), status: 303 };
});

export const ACCOUNT_PAGES: readonly PageRoute[] = [accountPage, signIn, register, signOut];
