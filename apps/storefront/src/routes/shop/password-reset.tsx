import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import type { PageContext } from '../../context.js';
import { type AccountLinkText, accountLinkMessages } from '../../i18n/account-links.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageResult, PageRoute } from '../../page-types.js';
import { field, rawField } from '../../session.js';
import { ForgotForm, LinkSection, Notice, ResetForm, ResetInvalid } from '../../views/shop/account-links-view.js';
import { formRoute } from './guard.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const page = (title: string, body: ComponentChildren, status = 200): PageResult => ({ status, head: { title, noindex: true }, body });

const forgotPage = (ctx: PageContext, t: AccountLinkText, email = '', error?: string, status = 200): PageResult =>
  page(t.forgotTitle, <ForgotForm ctx={ctx} t={t} email={email} error={error} />, status);

/** GET /account/forgot-password: the address form; `?sent=1` the answer after it, the same whatever the address. */
const forgotPasswordPage: PageRoute = {
  path: '/account/forgot-password',
  shared: false,
  load: async (ctx) => {
    const t = messagesFor(accountLinkMessages, ctx.locale);
    if (ctx.query.get('sent') !== '1') return forgotPage(ctx, t);
    return page(t.forgotTitle, <LinkSection title={t.forgotTitle}>{<Notice text={t.forgotSent} />}</LinkSection>);
  },
};

/** POST /account/forgot-password (email): the API sends a reset mail if the address has an account; the answer never tells. */
const forgotPassword = formRoute('/account/forgot-password', async (ctx, _params, request) => {
  const t = messagesFor(accountLinkMessages, ctx.locale);
  const email = field(request.body, 'email');
  if (!EMAIL.test(email)) return forgotPage(ctx, t, email, email ? t.invalidEmail : t.required, 422);
  const result = await ctx.api.send('POST', '/auth/password-reset', { email });
  if (!result.ok && result.status >= 500) return forgotPage(ctx, t, email, t.tryAgain, 503);
  return { redirect: ctx.href('/account/forgot-password?sent=1'), status: 303 };
});

/** GET /account/reset-password?token=: the new-password form the reset mail links to (the token is spent only by the form). */
const resetPasswordPage: PageRoute = {
  path: '/account/reset-password',
  shared: false,
  load: async (ctx) => {
    const t = messagesFor(accountLinkMessages, ctx.locale);
    const token = ctx.query.get('token') ?? '';
    if (!token) return page(t.resetTitle, <ResetInvalid ctx={ctx} t={t} />, 400);
    return page(t.resetTitle, <ResetForm ctx={ctx} t={t} token={token} />);
  },
};

/** The password field's error from the API's 422 (its policy's words), else its detail. */
const passwordError = (t: AccountLinkText, problem: ApiProblem): string =>
  problem.errors?.find((e) => /password/i.test(e.path))?.message ?? (problem.detail || t.tryAgain);

/**
 * POST /account/reset-password (token, password): the API sets the password and ends every session;
 * then the sign-in page says so. A token the API refuses (AUTH_RESET_TOKEN_INVALID) gets the page
 * that asks for a new link; a password its policy refuses, the form again with the reason.
 */
const resetPassword = formRoute('/account/reset-password', async (ctx, _params, request) => {
  const t = messagesFor(accountLinkMessages, ctx.locale);
  const token = field(request.body, 'token');
  const password = rawField(request.body, 'password');
  if (!token) return page(t.resetTitle, <ResetInvalid ctx={ctx} t={t} />, 400);
  const form = (error: string | undefined, status: number, message = t.formErrors) =>
    page(t.resetTitle, <ResetForm ctx={ctx} t={t} token={token} error={error} message={message} />, status);
  if (!password) return form(t.required, 422);
  const result = await ctx.api.send('POST', '/auth/password-reset/confirm', { token, newPassword: password });
  if (result.ok) return { redirect: ctx.href('/account?reset=1'), status: 303 };
  const badToken = result.problem.code === 'AUTH_RESET_TOKEN_INVALID' || result.problem.errors?.some((e) => /token/i.test(e.path));
  if (badToken) return page(t.resetTitle, <ResetInvalid ctx={ctx} t={t} />, 400);
  if (result.status === 422 || result.status === 400) return form(passwordError(t, result.problem), 422);
  return form(undefined, 503, t.tryAgain);
});

export const PASSWORD_RESET_PAGES: readonly PageRoute[] = [forgotPasswordPage, forgotPassword, resetPasswordPage, resetPassword];
