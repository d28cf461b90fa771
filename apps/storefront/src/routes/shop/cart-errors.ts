import type { ApiProblem } from '../../api/client.js';
import type { ShopText } from '../../i18n/shop.js';

/** What went wrong with a cart change, as the cart page's `?error=` names it. */
export type CartError = 'stock' | 'quantity' | 'unavailable' | 'price' | 'cart' | 'discount' | 'discountLimit' | 'generic';

const BY_CODE: Readonly<Record<string, CartError>> = {
  COMMERCE_INSUFFICIENT_STOCK: 'stock',
  COMMERCE_QUANTITY_TOO_LARGE: 'quantity',
  COMMERCE_PRODUCT_UNAVAILABLE: 'unavailable',
  COMMERCE_VARIANT_NOT_FOUND: 'unavailable',
  COMMERCE_PRICE_MISSING: 'price',
  COMMERCE_CART_NOT_FOUND: 'cart',
  COMMERCE_CART_COMPLETED: 'cart',
  COMMERCE_CART_EXPIRED: 'cart',
  COMMERCE_CART_ITEM_NOT_FOUND: 'cart',
  COMMERCE_DISCOUNT_INVALID: 'discount',
  COMMERCE_DISCOUNT_USAGE_LIMIT_REACHED: 'discountLimit',
  VALIDATION_FAILED: 'generic',
};

export const cartErrorOf = (problem: ApiProblem): CartError => BY_CODE[problem.code] ?? 'generic';

const TEXT: Readonly<Record<CartError, keyof ShopText>> = {
  stock: 'errStock',
  quantity: 'errQuantity',
  unavailable: 'errUnavailable',
  price: 'errPrice',
  cart: 'errCart',
  discount: 'errDiscount',
  discountLimit: 'errDiscountLimit',
  generic: 'errGeneric',
};

/** The message of a `?error=` value (none for anything it does not name: nothing typed into the address is shown). */
export const cartErrorText = (t: ShopText, value: string | null): string | undefined =>
  value && value in TEXT ? t[TEXT[value as CartError]] : undefined;

/** `/cart?error=stock&back=/products/x` in the page's locale. */
export const cartAddress = (href: (path: string) => string, error?: CartError, back?: string): string => {
  const query = new URLSearchParams();
  if (error) query.set('error', error);
  if (back) query.set('back', back);
  const text = query.toString();
  return href(text ? `/cart?${text}` : '/cart');
};
