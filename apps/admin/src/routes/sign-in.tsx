import { useMutation } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId } from 'react';
import { type SignIn, signIn } from '../api/auth.js';
import { ErrorNotice } from '../components/error-notice.js';
import { LocaleSwitch } from '../components/locale-switch.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { rootRoute } from './root.js';

const messages = defineMessages({
  en: {
    title: 'Sign in to RusToK',
    tenant: 'Shop or site',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
  },
  ru: {
    title: 'Вход в RusToK',
    tenant: 'Магазин или сайт',
    email: 'Эл. почта',
    password: 'Пароль',
    signIn: 'Войти',
    signingIn: 'Входим…',
  },
});

const field = (form: FormData, name: keyof SignIn): string => String(form.get(name) ?? '').trim();

/** Sign in to a tenant (the platform operator signs in to `default`). */
const SignInPage = () => {
  const navigate = useNavigate();
  const id = useId();
  const t = useMessages(messages);
  const { tenant } = signInRoute.useSearch();
  const mutation = useMutation({ mutationFn: signIn, onSuccess: () => navigate({ to: '/' }) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ tenant: field(form, 'tenant'), email: field(form, 'email'), password: String(form.get('password') ?? '') });
  };
  return (
    <main className="sign-in">
      <LocaleSwitch />
      <h1>{t.title}</h1>
      <form onSubmit={submit} aria-describedby={mutation.error ? `${id}-error` : undefined}>
        <label htmlFor={`${id}-tenant`}>{t.tenant}</label>
        <input id={`${id}-tenant`} name="tenant" defaultValue={tenant ?? 'default'} autoComplete="organization" required />
        <label htmlFor={`${id}-email`}>{t.email}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
        <label htmlFor={`${id}-password`}>{t.password}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
        {mutation.error ? <ErrorNotice id={`${id}-error`} error={mutation.error} /> : null}
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
};

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  // ?tenant= fills the tenant in (the tenant switch sends people here).
  validateSearch: (search: Record<string, unknown>): { tenant?: string } =>
    typeof search.tenant === 'string' && search.tenant.length <= 100 ? { tenant: search.tenant } : {},
  component: SignInPage,
});
