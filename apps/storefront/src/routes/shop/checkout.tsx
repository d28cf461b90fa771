import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiProblem } from '../../api/client.js';
import type { PageContext } from '../../context.js';
import { COOKIE, clearCookie } from '../../http/cookies.js';
import { messagesFor } from '../../i18n/messages.js';
import { type ShopText, shopMessages } from '../../i18n/shop.js';
import type { PageOutcome, PageResult, PageRoute } from '../../page-types.js';
import { cartCookieOf, renewSession, saveOrder } from '../../session.js';
import { CheckoutView } from '../../views/shop/checkout-view.js';
import type { CheckoutResult, ShippingOption, StoreCart } from '../../views/shop/types.js';
import { cartAddress, cartErrorOf, cartErrorText } from './cart-errors.js';
import { openCart } from './cart-store.js';
import { apiFieldErrors, type CheckoutValues, checkoutBody, type FieldErrors, localErrors, nonceOf, valuesOf } from './checkout-input.js';
import { customerOf } from './customer.js';
import { formRoute } from './guard.js';

const shippingOptionsOf = async (ctx: PageContext, currencyCode: string): Promise<readonly ShippingOption[]> => {
  const result = await ctx.api.get<{ items: ShippingOption[] }>('/store/shipping-options', { currencyCode });
  return result.ok ? result.value.items : [];
};

interface FormState {
  readonly cart: StoreCart;
  readonly values: CheckoutValues;
  readonly errors?: FieldErrors;
  readonly message?: string | undefined;
}

const formPage = async (ctx: PageContext, t: ShopText, state: FormState, status = 200): Promise<PageResult> => {
  const options = await shippingOptionsOf(ctx, state.cart.currencyCode);
  const chosen = state.values.shippingOptionId || state.cart.shippingOption?.id || options[0]?.id || '';
  return {
    status,
    head: { title: t.checkoutTitle, noindex: true },
    body: (
      <CheckoutView
        ctx={ctx}
        t={t}
        cart={state.cart}
        options={options}
        values={{ ...state.values, shippingOptionId: chosen }}
        errors={state.errors ?? {}}
        message={state.message}
      />
    ),
  };
};

/** GET /checkout: the form for the shopper's cart (to the cart page when there is nothing to buy). */
const showCheckout = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply): Promise<PageOutcome> => {
  const renewed = await renewSession(ctx, request, reply);
  if (renewed) return renewed;
  const t = messagesFor(shopMessages, ctx.locale);
  const cart = await openCart(ctx, request, reply);
  if (!cart || cart.items.length === 0) return { redirect: ctx.href('/cart'), status: 303 };
  const customer = await customerOf(ctx);
  const values = {
    email: cart.email ?? customer?.email ?? '',
    ship_name: customer?.name ?? '',
    billingSame: '1',
    discountCode: cart.discountCode ?? '',
    nonce: crypto.randomUUID(),
  };
  return formPage(ctx, t, { cart, values });
};

/** Shipping option, discount code and destination set on the cart before it is checked out (their errors by field). */
const settleTerms = async (ctx: PageContext, t: ShopText, cart: StoreCart, values: CheckoutValues): Promise<FieldErrors | undefined> => {
  if (cart.status !== 'open') return undefined;
  const patch = {
    countryCode: values.ship_countryCode || null,
    ...(values.shippingOptionId ? { shippingOptionId: values.shippingOptionId } : {}),
    discountCode: values.discountCode ? values.discountCode : null,
  };
  const result = await ctx.api.send<StoreCart>('PATCH', `/store/carts/${encodeURIComponent(cart.id)}`, patch);
  if (result.ok) return undefined;
  const code = result.problem.code;
  if (code.startsWith('COMMERCE_SHIPPING')) return { shippingOptionId: t.errShipping };
  if (code === 'COMMERCE_DISCOUNT_USAGE_LIMIT_REACHED') return { discountCode: t.errDiscountLimit };
  if (code === 'COMMERCE_DISCOUNT_INVALID' || result.problem.errors?.some((e) => e.path.includes('discountCode')))
    return { discountCode: t.errDiscount };
  // Anything else (the cart checked out meanwhile by the same form sent twice): the checkout answers it.
  return undefined;
};

/** The form again after the API refused the order: field errors beside their fields, anything else at the top. */
const refused = (ctx: PageContext, t: ShopText, state: FormState, problem: ApiProblem): Promise<PageResult> | PageOutcome => {
  if (problem.code === 'COMMERCE_CART_COMPLETED' || problem.code === 'COMMERCE_CART_EXPIRED' || problem.status === 404)
    return { redirect: cartAddress(ctx.href, 'cart'), status: 303 };
  const errors = apiFieldErrors(t, problem);
  const message = Object.keys(errors).length > 0 ? t.formErrors : (cartErrorText(t, cartErrorOf(problem)) ?? t.errGeneric);
  return formPage(ctx, t, { ...state, errors, message: problem.code === 'COMMERCE_CART_EMPTY' ? t.cartChanged : message }, 422);
};

/** POST /checkout: places the order (once per form, whatever the number of submits) and shows its page. */
const placeOrder = formRoute('/checkout', async (ctx, _params, request, reply) => {
  const t = messagesFor(shopMessages, ctx.locale);
  const key = cartCookieOf(request);
  const read = key ? await ctx.api.get<StoreCart>(`/store/carts/${encodeURIComponent(key.id)}`) : undefined;
  if (!read?.ok || read.value.items.length === 0) return { redirect: cartAddress(ctx.href, key ? 'cart' : undefined), status: 303 };
  const cart = read.value;
  const typed = valuesOf(request.body);
  const values = { ...typed, nonce: nonceOf(typed) };
  const local = localErrors(t, values);
  if (Object.keys(local).length > 0) return formPage(ctx, t, { cart, values, errors: local, message: t.formErrors }, 422);
  const terms = await settleTerms(ctx, t, cart, values);
  if (terms) return formPage(ctx, t, { cart, values, errors: terms, message: t.formErrors }, 422);
  const idempotencyKey = `checkout-${cart.id}-${values.nonce}`;
  const placed = await ctx.api.send<CheckoutResult>('POST', `/store/carts/${encodeURIComponent(cart.id)}/checkout`, checkoutBody(values), {
    'idempotency-key': idempotencyKey,
  });
  if (!placed.ok) return refused(ctx, t, { cart, values }, placed.problem);
  saveOrder(request, reply, { id: placed.value.order.id, token: placed.value.orderToken });
  clearCookie(request, reply, COOKIE.cart);
  return { redirect: ctx.href(`/orders/${placed.value.order.id}`), status: 303 };
});

const checkoutPage: PageRoute = {
  path: '/checkout',
  shared: false,
  load: (ctx, _params, request, reply) => showCheckout(ctx, request, reply),
};

export const CHECKOUT_PAGES: readonly PageRoute[] = [checkoutPage, placeOrder];
