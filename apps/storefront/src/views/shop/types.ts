/** The API's cart, order and account answers as the shop pages read them (the fields they show). */

export type LineProblem = 'PRODUCT_UNAVAILABLE' | 'PRICE_MISSING';

export interface Amounts {
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly taxTotal: number;
  readonly total: number;
}

export interface CartLine extends Amounts {
  readonly id: string;
  readonly variantId: string;
  readonly productId: string | null;
  readonly title: string;
  readonly variantTitle: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly problem: LineProblem | null;
}

export interface ShippingChoice {
  readonly id: string;
  readonly name: string;
  readonly amount: number;
}

export interface StoreCart extends Amounts {
  readonly id: string;
  readonly status: 'open' | 'completed' | 'expired';
  readonly currencyCode: string;
  readonly email: string | null;
  readonly discountCode: string | null;
  readonly discountApplied: boolean;
  readonly shippingOption: ShippingChoice | null;
  readonly shippingTotal: number;
  readonly items: readonly CartLine[];
}

export interface CartCreated {
  readonly cart: StoreCart;
  readonly cartToken: string;
}

export interface ShippingOption {
  readonly id: string;
  readonly name: string;
  readonly currencyCode: string;
  readonly amount: number;
}

export interface Address {
  readonly name: string;
  readonly company?: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly countryCode: string;
  readonly phone?: string;
}

export interface OrderLine extends Amounts {
  readonly id: string;
  readonly title: string;
  readonly variantTitle: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export interface OrderSummary extends Amounts {
  readonly id: string;
  readonly displayId: number;
  readonly status: string;
  readonly email: string;
  readonly currencyCode: string;
  readonly shippingTotal: number;
  readonly createdAt: string;
}

export interface StoreOrder extends OrderSummary {
  readonly discountCode: string | null;
  readonly shippingOption: ShippingChoice | null;
  readonly shippingAddress: Address;
  readonly lines: readonly OrderLine[];
}

export interface CheckoutResult {
  readonly order: StoreOrder;
  readonly orderToken: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface Customer {
  readonly id: string;
  readonly email: string;
  readonly name?: string | null;
}
