import { Id, Nullable, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { CountryCode, CurrencyInput, DiscountCode, Money, strict } from './cart.js';
import { CURRENCY_CODE, DISCOUNT_VALUE, TAX_RATE_BP } from './descriptions.js';

const Name = () => Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const RateBp = () => Type.Integer({ minimum: 0, maximum: 10_000, description: TAX_RATE_BP });
const Page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const ShopListQuery = strict({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Id()),
});
export type ShopListQuery = Static<typeof ShopListQuery>;

// Tax rates: one per destination country, in basis points (2000 = 20 %), added on top of net prices.
export const TaxRateInput = strict({ countryCode: CountryCode(), name: Name(), rateBp: RateBp() });
export type TaxRateInput = Static<typeof TaxRateInput>;
export const TaxRatePatch = strict({ name: Type.Optional(Name()), rateBp: Type.Optional(RateBp()) });
export type TaxRatePatch = Static<typeof TaxRatePatch>;
export const TaxRateSchema = strict({
  id: Id(),
  countryCode: Type.String(),
  name: Type.String(),
  rateBp: Type.Integer({ description: TAX_RATE_BP }),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type TaxRate = Static<typeof TaxRateSchema>;
export const TaxRatePage = Page(TaxRateSchema);

// Shipping options: a flat amount in one currency.
export const ShippingOptionInput = strict({
  name: Name(),
  currencyCode: CurrencyInput(),
  amount: Money(),
  active: Type.Optional(Type.Boolean()),
});
export type ShippingOptionInput = Static<typeof ShippingOptionInput>;
export const ShippingOptionPatch = strict({
  name: Type.Optional(Name()),
  amount: Type.Optional(Money()),
  active: Type.Optional(Type.Boolean()),
});
export type ShippingOptionPatch = Static<typeof ShippingOptionPatch>;
export const ShippingOptionSchema = strict({
  id: Id(),
  name: Type.String(),
  currencyCode: Type.String({ description: CURRENCY_CODE }),
  amount: Money(),
  active: Type.Boolean(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type ShippingOption = Static<typeof ShippingOptionSchema>;
export const ShippingOptionPage = Page(ShippingOptionSchema);
export const StoreShippingQuery = strict({ currencyCode: CurrencyInput() });

// Discount codes: percentage (basis points, ≤ 10000) or fixed (minor units of one currency), with an optional usage limit and window.
const DiscountKind = () => Type.Union([Type.Literal('percentage'), Type.Literal('fixed')]);
const DiscountValue = () => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: DISCOUNT_VALUE });
const Window = {
  usageLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }))),
  startsAt: Type.Optional(Nullable(Timestamp())),
  endsAt: Type.Optional(Nullable(Timestamp())),
  active: Type.Optional(Type.Boolean()),
};
export const DiscountInput = strict({
  code: DiscountCode(),
  kind: DiscountKind(),
  value: DiscountValue(),
  currencyCode: Type.Optional(Nullable(CurrencyInput())),
  ...Window,
});
export type DiscountInput = Static<typeof DiscountInput>;
export const DiscountPatch = strict({ value: Type.Optional(DiscountValue()), ...Window });
export type DiscountPatch = Static<typeof DiscountPatch>;
export const DiscountSchema = strict({
  id: Id(),
  code: Type.String(),
  kind: DiscountKind(),
  value: DiscountValue(),
  currencyCode: Nullable(Type.String({ description: CURRENCY_CODE })),
  usageLimit: Nullable(Type.Integer()),
  usageCount: Type.Integer(),
  startsAt: Nullable(Timestamp()),
  endsAt: Nullable(Timestamp()),
  active: Type.Boolean(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type Discount = Static<typeof DiscountSchema>;
export const DiscountPage = Page(DiscountSchema);
