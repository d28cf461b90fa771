import { useMutation } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId } from 'react';
import { type SignIn, signIn } from '../api/auth.js';
import { ErrorNotice } from '../components/error-notice.js';
import { rootRoute } from './root.js';

const field = (form: FormData, name: keyof SignIn): string => String(form.get(name) ?? '').trim();

/** Sign in to a tenant (the platform operator signs in to `default`). */
const SignInPage = () => {
  const navigate = useNavigate();
  const id = useId();
  const mutation = useMutation({ mutationFn: signIn, onSuccess: () => navigate({ to: '/' }) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ tenant: field(form, 'tenant'), email: field(form, 'email'), password: String(form.get('password') ?? '') });
  };
  return (
    <main className="sign-in">
      <h1>Sign in to RusToK</h1>
      <form onSubmit={submit} aria-describedby={mutation.error ? `${id}-error` : undefined}>
        <label htmlFor={`${id}-tenant`}>Shop or site</label>
        <input id={`${id}-tenant`} name="tenant" defaultValue="default" autoComplete="organization" required />
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
        {mutation.error ? <ErrorNotice id={`${id}-error`} error={mutation.error} /> : null}
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
};

export const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage });
