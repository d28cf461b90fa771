/** What money fields mean, stated once for the OpenAPI document (and the schemas' readers). */
export const MINOR_UNITS =
  'Integer amount in minor units of the currency in `currencyCode` (the cart, order or price currency): 1250 = 12.50 USD; currencies without minor units (JPY) count whole units.';
export const CURRENCY_CODE = 'ISO 4217 currency code (three capital letters, e.g. USD).';
export const DISCOUNT_VALUE =
  'For `kind: percentage`, basis points: 1000 = 10.00 %, 1 = 0.01 %, at most 10000 (100 %). For `kind: fixed`, minor units of `currencyCode` (500 = 5.00).';
export const TAX_RATE_BP = 'Tax rate in basis points: 2000 = 20.00 %, at most 10000.';
