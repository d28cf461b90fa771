import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../context.js';
import { type AccountLinkText, accountLinkMessages } from '../../i18n/account-links.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageResult, PageRoute } from '../../page-types.js';
import { field } from '../../session.js';
import { LinkSection, Notice, ResendForm, VerifyConfirm } from '../../views/shop/account-links-view.js';
import { customerOf } from './customer.js';
import { formRoute } from './guard.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const page = (title: string, body: ComponentChildren, status = 200): PageResult => ({
  status,
  head: { title, noindex: true },
  body,
});

interface ResendState {
  readonly message?: string | undefined;
  readonly email?: string;
  readonly error?: string | undefined;
}

/** The form that sends a new link; above it, why (a link that does not work any more), when there is a reason. */
const resendPage = (ctx: PageContext, t: AccountLinkText, state: ResendState, status = 200): PageResult =>
  page(
    t.verifyTitle,
    <LinkSection title={t.verifyTitle}>
      {state.message ? (
        <p class="error" role="alert">
          {state.message}
        </p>
      ) : null}
      <ResendForm ctx={ctx} t={t} {...(state.email ? { email: state.email } : {})} error={state.error} />
    </LinkSection>,
    status,
  );

/** The signed-in customer's address, to fill in the resend form ('' for a guest). */
const signedInEmail = async (ctx: PageContext): Promise<string> => (await customerOf(ctx))?.email ?? '';

const verifiedPage = (ctx: PageContext, t: AccountLinkText): PageResult =>
  page(
    t.verifiedTitle,
    <LinkSection title={t.verifiedTitle}>
      <Notice text={t.verifiedText} />
      <p>
        <a href={ctx.href('/account')}>{ctx.signedIn ? t.toAccount : t.toSignIn}</a>
      </p>
    </LinkSection>,
  );

/**
 * GET /account/verify-email?token=: the page the verification mail links to. It does not spend the
 * token: the API's tokens are single use (a second verify of the same token is refused), and mail
 * scanners and link previews open links before the customer does, so a GET that verified would leave
 * the customer an "expired" page. The customer confirms with a button (POST) instead.
 * `?done=1` and `?sent=1` are the pages the form posts redirect to.
 */
const verifyPage: PageRoute = {
  path: '/account/verify-email',
  shared: false,
  load: async (ctx) => {
    const t = messagesFor(accountLinkMessages, ctx.locale);
    if (ctx.query.get('done') === '1') return verifiedPage(ctx, t);
    if (ctx.query.get('sent') === '1') {
      return page(t.resendTitle, <LinkSection title={t.resendTitle}>{<Notice text={t.resendSent} />}</LinkSection>);
    }
    const token = ctx.query.get('token') ?? '';
    if (!token) return resendPage(ctx, t, { email: await signedInEmail(ctx) });
    return page(t.verifyTitle, <VerifyConfirm ctx={ctx} t={t} token={token} />);
  },
};

/** POST /account/verify-email (token): spends the token through the API; the result page after a redirect. */
const confirm = formRoute('/account/verify-email', async (ctx, _params, request) => {
  const t = messagesFor(accountLinkMessages, ctx.locale);
  const token = field(request.body, 'token');
  if (!token) return resendPage(ctx, t, { message: t.verifyInvalid }, 400);
  const result = await ctx.api.send('POST', '/auth/verify-email', { token });
  if (result.ok) return { redirect: ctx.href('/account/verify-email?done=1'), status: 303 };
  if (result.status >= 500) return resendPage(ctx, t, { message: t.tryAgain }, 503);
  return resendPage(ctx, t, { message: t.verifyInvalid, email: await signedInEmail(ctx) }, 400);
});

/** POST /account/verify-email/resend (email): asks the API for a new link; the same answer whatever the address. */
const resend = formRoute('/account/verify-email/resend', async (ctx, _params, request) => {
  const t = messagesFor(accountLinkMessages, ctx.locale);
  const email = field(request.body, 'email');
  if (!EMAIL.test(email)) {
    const error = email ? t.invalidEmail : t.required;
    return resendPage(ctx, t, { email, error }, 422);
  }
  const result = await ctx.api.send('POST', '/auth/verify-email/resend', { email });
  if (!result.ok && result.status >= 500) return resendPage(ctx, t, { message: t.tryAgain }, 503);
  return { redirect: ctx.href('/account/verify-email?sent=1'), status: 303 };
});

export const VERIFY_EMAIL_PAGES: readonly PageRoute[] = [verifyPage, confirm, resend];
