import type { ApiProblem } from '../../api/client.js';
import type { ShopText } from '../../i18n/shop.js';
import { field } from '../../session.js';
import type { Address } from '../../views/shop/types.js';

/** The address fields of the checkout form, `ship_<name>` and `bill_<name>`. */
export const ADDRESS_FIELDS = ['name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
const REQUIRED: readonly AddressField[] = ['name', 'line1', 'city', 'countryCode'];

/** The form as typed (every field as text, kept to show it again). */
export type CheckoutValues = Readonly<Record<string, string>>;
/** Errors by form field name, in the page's language or as the API wrote them. */
export type FieldErrors = Readonly<Record<string, string>>;

const NAMES = [
  'email',
  'shippingOptionId',
  'discountCode',
  'billingSame',
  'nonce',
  ...ADDRESS_FIELDS.flatMap((f) => [`ship_${f}`, `bill_${f}`]),
];

export const valuesOf = (body: unknown): CheckoutValues => {
  const values: Record<string, string> = {};
  for (const name of NAMES) values[name] = field(body, name);
  values.ship_countryCode = (values.ship_countryCode ?? '').toUpperCase();
  values.bill_countryCode = (values.bill_countryCode ?? '').toUpperCase();
  return values;
};

export const billingSame = (values: CheckoutValues): boolean => values.billingSame === '1';

const addressOf = (values: CheckoutValues, prefix: 'ship' | 'bill'): Address => {
  const address: Record<string, string> = {};
  for (const name of ADDRESS_FIELDS) {
    const value = values[`${prefix}_${name}`] ?? '';
    if (value !== '' || REQUIRED.includes(name)) address[name] = value;
  }
  return address as unknown as Address;
};

/** The body of POST /store/carts/{id}/checkout. */
export const checkoutBody = (values: CheckoutValues) => ({
  email: values.email ?? '',
  shippingAddress: addressOf(values, 'ship'),
  ...(billingSame(values) ? {} : { billingAddress: addressOf(values, 'bill') }),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the form lacks before the API is asked (all at once, each beside its field). */
export const localErrors = (t: ShopText, values: CheckoutValues): FieldErrors => {
  const errors: Record<string, string> = {};
  if (!values.email) errors.email = t.required;
  else if (!EMAIL.test(values.email)) errors.email = t.invalidEmail;
  const prefixes = billingSame(values) ? ['ship'] : ['ship', 'bill'];
  for (const prefix of prefixes) {
    for (const name of REQUIRED) if (!values[`${prefix}_${name}`]) errors[`${prefix}_${name}`] = t.required;
    const country = values[`${prefix}_countryCode`];
    if (country && !/^[A-Z]{2}$/.test(country)) errors[`${prefix}_countryCode`] = t.invalidCountry;
  }
  return errors;
};

/** `/shippingAddress/line1` (or `shippingAddress.line1`) → `ship_line1`; `/email` → `email`. */
const fieldOfPath = (path: string): string | undefined => {
  const parts = path.split(/[/.]/).filter((p) => p && p !== 'body');
  const [head, tail] = parts;
  if (head === 'email' && !tail) return 'email';
  if (head === 'shippingAddress' && tail) return `ship_${tail}`;
  if (head === 'billingAddress' && tail) return `bill_${tail}`;
  return undefined;
};

/** The API's field errors (422 `errors[]`) by form field; those naming no field of the form are left to the form's message. */
export const apiFieldErrors = (t: ShopText, problem: ApiProblem): FieldErrors => {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = fieldOfPath(error.path);
    if (name && !errors[name]) errors[name] = name === 'email' ? t.invalidEmail : error.message;
  }
  return errors;
};

/** A form nonce as posted: the key of one checkout attempt (a new one when it is missing or malformed). */
export const nonceOf = (values: CheckoutValues): string =>
  /^[A-Za-z0-9-]{8,64}$/.test(values.nonce ?? '') ? (values.nonce as string) : crypto.randomUUID();
