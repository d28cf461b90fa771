import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../context.js';
import type { AccountLinkText } from '../../i18n/account-links.js';
import { Field, FormAlert } from './field.js';

type Props = { readonly ctx: PageContext; readonly t: AccountLinkText };

/** A message that is the page's news (role=status so it is read out after a redirect). */
export const Notice = ({ text }: { text: string }) => (
  <p class="notice" role="status">
    {text}
  </p>
);

/** A small page of its own: a heading and what follows it. */
export const LinkSection = ({ title, children }: { title: string; children: ComponentChildren }) => (
  <section aria-labelledby="link-title">
    <h1 id="link-title">{title}</h1>
    {children}
  </section>
);

/** The address a confirmation link was for: a button that spends the token (a POST, so a link scanner cannot). */
export const VerifyConfirm = ({ ctx, t, token }: Props & { token: string }) => (
  <LinkSection title={t.verifyTitle}>
    <p>{t.verifyIntro}</p>
    <form method="post" action={ctx.href('/account/verify-email')} class="form">
      <input type="hidden" name="token" value={token} />
      <button type="submit">{t.verifyButton}</button>
    </form>
  </LinkSection>
);

/** Asks for a new confirmation link for an address (the answer is the same whatever the address). */
export const ResendForm = ({ ctx, t, email, error }: Props & { email?: string; error?: string | undefined }) => (
  <section aria-labelledby="resend-title">
    <h2 id="resend-title">{t.resendTitle}</h2>
    <p>{t.resendIntro}</p>
    <form method="post" action={ctx.href('/account/verify-email/resend')} class="form">
      <FormAlert text={error ? t.formErrors : undefined} />
      <Field name="email" label={t.email} type="email" autocomplete="email" value={email} error={error} required />
      <button type="submit">{t.resendButton}</button>
    </form>
  </section>
);

/** The address form of a forgotten password. */
export const ForgotForm = ({ ctx, t, email, error }: Props & { email?: string; error?: string | undefined }) => (
  <LinkSection title={t.forgotTitle}>
    <p>{t.forgotIntro}</p>
    <form method="post" action={ctx.href('/account/forgot-password')} class="form">
      <FormAlert text={error ? t.formErrors : undefined} />
      <Field name="email" label={t.email} type="email" autocomplete="email" value={email} error={error} required />
      <button type="submit">{t.forgotButton}</button>
    </form>
  </LinkSection>
);

/** The new-password form of a reset link; the token travels in a hidden field. */
export const ResetForm = ({ ctx, t, token, error, message }: Props & { token: string; error?: string | undefined; message?: string }) => (
  <LinkSection title={t.resetTitle}>
    <p>{t.resetIntro}</p>
    <form method="post" action={ctx.href('/account/reset-password')} class="form">
      <FormAlert text={message} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label={t.newPassword} type="password" autocomplete="new-password" error={error} required />
      <button type="submit">{t.resetButton}</button>
    </form>
  </LinkSection>
);

/** A reset link that no longer works: the way to ask for a new one. */
export const ResetInvalid = ({ ctx, t }: Props) => (
  <LinkSection title={t.resetTitle}>
    <p class="error" role="alert">
      {t.resetInvalid}
    </p>
    <p>
      <a href={ctx.href('/account/forgot-password')}>{t.resetAgain}</a>
    </p>
  </LinkSection>
);
