import type { ModuleActor, ModuleContext, ModuleTx } from '@rustok/api';
import type { AppError } from '@rustok/kernel';
import { commerceErrors } from './errors.js';

export { type EventPublisher, inTenant, requirePermission, systemActor } from '@rustok/api';

/** The platform's module context under commerce's names. */
export type CommerceActor = ModuleActor;
export type CommerceContext = ModuleContext;
export type CommerceTx = ModuleTx;

/** The 404 of each thing commerce looks up by id, by the noun its detail names. */
const NOT_FOUND = {
  order: commerceErrors.COMMERCE_ORDER_NOT_FOUND,
  cart: commerceErrors.COMMERCE_CART_NOT_FOUND,
  cart_item: commerceErrors.COMMERCE_CART_ITEM_NOT_FOUND,
  variant: commerceErrors.COMMERCE_VARIANT_NOT_FOUND,
  discount: commerceErrors.COMMERCE_DISCOUNT_NOT_FOUND,
  shipping_option: commerceErrors.COMMERCE_SHIPPING_OPTION_NOT_FOUND,
  tax_rate: commerceErrors.COMMERCE_TAX_RATE_NOT_FOUND,
} as const;

export type NotFoundNoun = keyof typeof NOT_FOUND;

export const notFound = (what: NotFoundNoun, id: string): AppError => NOT_FOUND[what](`No ${what} ${id}`);
