import type { PageContext } from '../../context.js';
import { formatMoney } from '../../i18n/format.js';
import type { ShopText } from '../../i18n/shop.js';
import { Field, FormAlert, fieldId } from './field.js';
import { Totals } from './totals.js';
import type { ShippingOption, StoreCart } from './types.js';

export interface CheckoutViewInput {
  readonly ctx: PageContext;
  readonly t: ShopText;
  readonly cart: StoreCart;
  readonly options: readonly ShippingOption[];
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
}

type AddressKey = 'name' | 'company' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'countryCode' | 'phone';
const ADDRESS: readonly [AddressKey, string, boolean, number][] = [
  ['name', 'name', true, 200],
  ['company', 'organization', false, 200],
  ['line1', 'address-line1', true, 300],
  ['line2', 'address-line2', false, 300],
  ['city', 'address-level2', true, 100],
  ['region', 'address-level1', false, 100],
  ['postalCode', 'postal-code', false, 20],
  ['countryCode', 'country', true, 2],
  ['phone', 'tel', false, 40],
];

const AddressFields = ({ t, prefix, input, required }: { t: ShopText; prefix: string; input: CheckoutViewInput; required: boolean }) => (
  <>
    {ADDRESS.map(([key, autocomplete, needed, max]) => (
      <Field
        name={`${prefix}_${key}`}
        label={t[key]}
        value={input.values[`${prefix}_${key}`]}
        error={input.errors[`${prefix}_${key}`]}
        type={key === 'phone' ? 'tel' : 'text'}
        autocomplete={`${prefix === 'ship' ? 'shipping' : 'billing'} ${autocomplete}`}
        required={required && needed}
        maxLength={max}
      />
    ))}
  </>
);

const ShippingChoice = ({ input }: { input: CheckoutViewInput }) => {
  const { t, options, values, errors, ctx } = input;
  if (options.length === 0) return <p class="muted">{t.noShipping}</p>;
  const error = errors.shippingOptionId;
  return (
    <p class="field">
      <label for="f-shippingOptionId">{t.shippingOption}</label>
      <select
        id="f-shippingOptionId"
        name="shippingOptionId"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'f-shippingOptionId-error' : undefined}
      >
        {options.map((option) => (
          <option value={option.id} selected={values.shippingOptionId === option.id}>
            {option.name} — {formatMoney(ctx.locale, option.amount, option.currencyCode)}
          </option>
        ))}
      </select>
      {error ? (
        <span class="error" id="f-shippingOptionId-error">
          {error}
        </span>
      ) : null}
    </p>
  );
};

const Summary = ({ input }: { input: CheckoutViewInput }) => (
  <section aria-labelledby="summary-title">
    <h2 id="summary-title">{input.t.orderSummary}</h2>
    <ul>
      {input.cart.items.map((line) => (
        <li>
          {line.quantity} × {line.title}
          {line.variantTitle ? ` — ${line.variantTitle}` : ''}: {formatMoney(input.ctx.locale, line.total, input.cart.currencyCode)}
        </li>
      ))}
    </ul>
    <Totals locale={input.ctx.locale} t={input.t} totals={input.cart} />
  </section>
);

/** Shipping address, "billing is the same" and the billing address (used only when it differs). */
const Addresses = ({ input }: { input: CheckoutViewInput }) => {
  const { t } = input;
  const same = input.values.billingSame === '1';
  return (
    <>
      <fieldset>
        <legend>{t.shippingAddress}</legend>
        <AddressFields t={t} prefix="ship" input={input} required />
      </fieldset>
      <p class="field">
        <input id={fieldId('billingSame')} type="checkbox" name="billingSame" value="1" checked={same} />
        <label for={fieldId('billingSame')}>{t.billingSame}</label>
      </p>
      <fieldset>
        <legend>{t.billingAddress}</legend>
        <p class="muted">{t.billingNote}</p>
        <AddressFields t={t} prefix="bill" input={input} required={!same} />
      </fieldset>
    </>
  );
};

/** The checkout form: contact, addresses, shipping, discount code, payment on delivery; the order summary beside it. */
export const CheckoutView = (input: CheckoutViewInput) => {
  const { ctx, t, values, errors } = input;
  return (
    <section aria-labelledby="checkout-title" class="checkout columns">
      <h1 id="checkout-title">{t.checkoutTitle}</h1>
      <form method="post" action={ctx.href('/checkout')} class="form" novalidate>
        <FormAlert text={input.message} />
        <input type="hidden" name="nonce" value={values.nonce} />
        <fieldset>
          <legend>{t.contact}</legend>
          {ctx.signedIn ? null : (
            <p>
              <a href={`${ctx.href('/account')}?back=${encodeURIComponent(ctx.href('/checkout'))}`}>{t.signInToCheckout}</a>
            </p>
          )}
          <Field name="email" label={t.email} type="email" autocomplete="email" value={values.email} error={errors.email} required />
        </fieldset>
        <Addresses input={input} />
        <fieldset>
          <legend>{t.shipping}</legend>
          <ShippingChoice input={input} />
        </fieldset>
        <Field name="discountCode" label={t.discountCode} value={values.discountCode} error={errors.discountCode} maxLength={64} />
        <fieldset>
          <legend>{t.payment}</legend>
          <p>{t.paymentManual}</p>
        </fieldset>
        <button type="submit">{t.placeOrder}</button>
      </form>
      <Summary input={input} />
    </section>
  );
};
