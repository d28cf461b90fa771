import type { PageContext } from '../../context.js';
import type { ShopText } from '../../i18n/shop.js';
import { Field, FormAlert } from './field.js';

export interface LookupState {
  readonly number?: string;
  readonly email?: string;
  readonly errors?: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
}

/** A guest's way back to an order: its number and the e-mail address it was placed with. */
export const LookupForm = ({ ctx, t, state }: { ctx: PageContext; t: ShopText; state: LookupState }) => (
  <section aria-labelledby="lookup-title">
    <h2 id="lookup-title">{t.lookupTitle}</h2>
    <p>{t.lookupIntro}</p>
    <form method="post" action={ctx.href('/orders/lookup')} class="form">
      <FormAlert text={state.message} />
      <Field name="number" label={t.orderNumber} value={state.number} error={state.errors?.number} required maxLength={12} />
      <Field name="email" label={t.email} type="email" autocomplete="email" value={state.email} error={state.errors?.email} required />
      <button type="submit">{t.find}</button>
    </form>
  </section>
);
