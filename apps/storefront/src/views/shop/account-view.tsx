import type { PageContext } from '../../context.js';
import { fill } from '../../i18n/messages.js';
import type { ShopText } from '../../i18n/shop.js';
import { Field, FormAlert } from './field.js';
import { OrderList } from './order-view.js';
import type { Customer, OrderSummary } from './types.js';

/** What a refused sign-in or registration shows again: the address typed and the errors. */
export interface AccountFormState {
  readonly form?: 'signIn' | 'register';
  readonly email?: string;
  readonly name?: string;
  readonly message?: string | undefined;
  readonly errors?: Readonly<Record<string, string>>;
  readonly notice?: string | undefined;
  /** Where to go once signed in (a path of this site, e.g. the checkout). */
  readonly back?: string | undefined;
}

const Back = ({ state }: { state: AccountFormState }) => (state.back ? <input type="hidden" name="back" value={state.back} /> : null);

const SignInForm = ({ ctx, t, state }: { ctx: PageContext; t: ShopText; state: AccountFormState }) => {
  const mine = state.form === 'signIn';
  return (
    <section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t.signIn}</h2>
      <form method="post" action={ctx.href('/account/sign-in')} class="form">
        <FormAlert text={mine ? state.message : undefined} />
        <Back state={state} />
        <Field name="email" label={t.email} type="email" autocomplete="username" value={mine ? state.email : ''} required />
        <Field name="password" label={t.password} type="password" autocomplete="current-password" required />
        <button type="submit">{t.signIn}</button>
      </form>
      <p>
        <a href={ctx.href('/account/forgot-password')}>{t.forgotPassword}</a>
      </p>
    </section>
  );
};

const RegisterForm = ({ ctx, t, state }: { ctx: PageContext; t: ShopText; state: AccountFormState }) => {
  const mine = state.form === 'register';
  const errors = mine ? (state.errors ?? {}) : {};
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{t.register}</h2>
      <form method="post" action={ctx.href('/account/register')} class="form">
        <FormAlert text={mine ? state.message : undefined} />
        <Back state={state} />
        <Field name="name" label={t.nameOptional} autocomplete="name" value={mine ? state.name : ''} maxLength={200} />
        <Field
          name="email"
          label={t.email}
          type="email"
          autocomplete="email"
          value={mine ? state.email : ''}
          error={errors.email}
          required
        />
        <Field name="password" label={t.password} type="password" autocomplete="new-password" error={errors.password} required />
        <button type="submit">{t.register}</button>
      </form>
    </section>
  );
};

/** The account page of a guest: sign in, or create an account. */
export const SignedOutView = ({ ctx, t, state }: { ctx: PageContext; t: ShopText; state: AccountFormState }) => (
  <section aria-labelledby="account-title">
    <h1 id="account-title">{t.accountTitle}</h1>
    {state.notice ? (
      <p class="notice" role="status">
        {state.notice}
      </p>
    ) : null}
    <div class="columns">
      <SignInForm ctx={ctx} t={t} state={state} />
      <RegisterForm ctx={ctx} t={t} state={state} />
    </div>
  </section>
);

/** The account page of a customer: who they are, their orders, signing out. */
export const AccountView = ({
  ctx,
  t,
  customer,
  orders,
}: {
  ctx: PageContext;
  t: ShopText;
  customer: Customer;
  orders: readonly OrderSummary[];
}) => (
  <section aria-labelledby="account-title">
    <h1 id="account-title">{t.accountTitle}</h1>
    <p>
      {customer.name ? <strong>{customer.name}</strong> : null} {fill(t.signedInAs, { email: customer.email })}
    </p>
    <form method="post" action={ctx.href('/account/sign-out')}>
      <button type="submit" class="secondary">
        {t.signOut}
      </button>
    </form>
    <h2>{t.ordersTitle}</h2>
    <OrderList ctx={ctx} t={t} orders={orders} />
  </section>
);
