import { expect } from 'vitest';
import { createdInA, expectNoSecretsOfB, idsIn, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { commerceCatalogArea } from './commerce-catalog.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** Commerce carts, checkout, orders and payments, and the shop's tax rates, shipping options and discounts. */

interface OrderObjects {
  /** An open guest cart holding one unit of the tenant's variant, and its token. */
  readonly cartId: string;
  readonly cartToken: string;
  readonly itemId: string;
  /** An order checked out from a second cart by the tenant's admin (so it is theirs), and its token. */
  readonly orderId: string;
  readonly orderToken: string;
  /** The order's number (displayId), which a guest's lookup names with its e-mail address. */
  readonly orderNumber: number;
  readonly taxRateId: string;
  readonly countryCode: string;
  readonly shippingOptionId: string;
  readonly discountId: string;
  readonly discountCode: string;
}

const orders = (side: Side): OrderObjects => commerceOrdersArea.of(side);
const cartOfB = { id: (w: World) => orders(w.b).cartId };
const itemOfB = { ...cartOfB, itemId: (w: World) => orders(w.b).itemId };
const orderOfB = { id: (w: World) => orders(w.b).orderId };
/** B's capability tokens, sent along: even they reach nothing of B through tenant A. */
const cartTokenOfB = (w: World) => ({ 'x-cart-token': orders(w.b).cartToken });
const orderTokenOfB = (w: World) => ({ 'x-order-token': orders(w.b).orderToken });
const CART = 'COMMERCE_CART_NOT_FOUND';
const ORDER = 'COMMERCE_ORDER_NOT_FOUND';
const TAX = 'COMMERCE_TAX_RATE_NOT_FOUND';
const SHIPPING = 'COMMERCE_SHIPPING_OPTION_NOT_FOUND';
const DISCOUNT = 'COMMERCE_DISCOUNT_NOT_FOUND';
const address = { name: 'Ann', line1: '1 Main St', city: 'Springfield', countryCode: 'US' };
const checkoutBody = { email: 'buyer@example.com', shippingAddress: address };
const id = (pick: (o: OrderObjects) => string) => (w: World) => ({ id: pick(orders(w.b)) });
/** B's cart id and token as GraphQL variables. */
const cartVarsOfB = (w: World) => ({ cartId: orders(w.b).cartId, t: orders(w.b).cartToken });

/** B's order is still pending and B's guest cart still holds its one unit (read with B's token). */
const bUnchanged = async (w: World): Promise<void> => {
  const order = await w.call('GET', `/api/v1/commerce/orders/${orders(w.b).orderId}`, w.b.admin);
  expect(order.json()).toMatchObject({ status: 'pending' });
  const guestOfB = { 'x-tenant-id': w.b.tenant.id, 'x-cart-token': orders(w.b).cartToken };
  const cart = await w.call('GET', `/api/v1/store/carts/${orders(w.b).cartId}`, guestOfB);
  expect(cart.json()).toMatchObject({ status: 'open', customerId: null, items: [{ quantity: 1 }] });
};

/** Within one tenant too, a cart id alone (or with another cart's token) is a missing cart; its own token reaches it. */
const cartIdAloneIsNotFound = async (w: World): Promise<void> => {
  const guest = { 'x-tenant-id': w.a.tenant.id };
  const url = `/api/v1/store/carts/${orders(w.a).cartId}`;
  for (const headers of [guest, w.a.admin, { ...guest, 'x-cart-token': orders(w.b).cartToken }]) {
    const res = await w.call('GET', url, headers);
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json()).toMatchObject({ code: CART });
  }
  expect((await w.call('GET', url, { ...guest, 'x-cart-token': orders(w.a).cartToken })).statusCode).toBe(200);
};

export const commerceOrdersArea: Area<OrderObjects> = defineArea<OrderObjects>({
  name: 'commerce-orders',
  async setup({ side, role, call, created }) {
    const { variantId } = commerceCatalogArea.of(side);
    const guest = { 'x-tenant-id': side.tenant.id };
    const cart = async (): Promise<{ cartId: string; cartToken: string; itemId: string }> => {
      const made = await call('POST', '/api/v1/store/carts', guest, { currencyCode: 'USD' });
      expect(made.statusCode, made.body).toBe(201);
      const { cart: c, cartToken } = made.json<{ cart: { id: string }; cartToken: string }>();
      const res = await call(
        'POST',
        `/api/v1/store/carts/${c.id}/items`,
        { ...guest, 'x-cart-token': cartToken },
        { variantId, quantity: 1 },
      );
      expect(res.statusCode, res.body).toBe(200);
      return { cartId: c.id, cartToken, itemId: res.json<{ items: { id: string }[] }>().items[0]?.id ?? '' };
    };
    const open = await cart();
    const paid = await cart();
    const placed = await call(
      'POST',
      `/api/v1/store/carts/${paid.cartId}/checkout`,
      { ...side.admin, 'x-cart-token': paid.cartToken },
      checkoutBody,
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const { order, orderToken } = placed.json<{ order: { id: string; displayId: number }; orderToken: string }>();
    // Each tenant its own country and code, so A can take B's (unique per tenant).
    const countryCode = role === 'a' ? 'US' : 'CA';
    const discountCode = role === 'a' ? 'A10' : 'B10';
    return {
      ...open,
      orderId: order.id,
      orderToken,
      orderNumber: order.displayId,
      countryCode,
      discountCode,
      taxRateId: await created('/api/v1/commerce/tax-rates', { countryCode, name: 'Sales tax', rateBp: 1000 }),
      shippingOptionId: await created('/api/v1/commerce/shipping-options', {
        name: `Post ${side.tenant.slug}`,
        currencyCode: 'USD',
        amount: 500,
      }),
      discountId: await created('/api/v1/commerce/discounts', { code: discountCode, kind: 'percentage', value: 1000 }),
    };
  },
  secretsOf: (o) => [o.cartId, o.cartToken, o.itemId, o.orderId, o.orderToken, o.taxRateId, o.shippingOptionId, o.discountId],
  tablesWithData: [
    'commerce_carts',
    'commerce_cart_items',
    'commerce_orders',
    'commerce_order_lines',
    'commerce_order_history',
    'commerce_reservations',
    'commerce_order_sequences',
    'commerce_order_tokens',
    'commerce_tax_rates',
    'commerce_shipping_options',
    'commerce_discounts',
  ],
  routes: {
    'POST /api/v1/store/carts': { kind: 'tenant', public: true, body: () => ({ currencyCode: 'USD' }), status: 201 },
    'GET /api/v1/store/carts': { kind: 'tenant' },
    'GET /api/v1/store/carts/{id}': refusedRoute(cartOfB, CART, { public: true, headers: cartTokenOfB, after: cartIdAloneIsNotFound }),
    'PATCH /api/v1/store/carts/{id}': refusedRoute(cartOfB, CART, {
      public: true,
      headers: cartTokenOfB,
      body: () => ({ email: 'a@example.com' }),
    }),
    'POST /api/v1/store/carts/{id}/claim': refusedRoute(cartOfB, CART, { headers: cartTokenOfB, after: bUnchanged }),
    'POST /api/v1/store/carts/{id}/items': refusedRoute(cartOfB, CART, {
      public: true,
      headers: cartTokenOfB,
      body: (w) => ({ variantId: commerceCatalogArea.of(w.b).variantId, quantity: 1 }),
      after: bUnchanged,
    }),
    'PATCH /api/v1/store/carts/{id}/items/{itemId}': refusedRoute(itemOfB, CART, {
      public: true,
      headers: cartTokenOfB,
      body: () => ({ quantity: 2 }),
      after: bUnchanged,
    }),
    'DELETE /api/v1/store/carts/{id}/items/{itemId}': refusedRoute(itemOfB, CART, {
      public: true,
      headers: cartTokenOfB,
      after: bUnchanged,
    }),
    'POST /api/v1/store/carts/{id}/checkout': refusedRoute(cartOfB, CART, {
      public: true,
      headers: cartTokenOfB,
      body: () => checkoutBody,
      after: bUnchanged,
    }),
    'GET /api/v1/store/orders': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toContain(orders(w.a).orderId),
    },
    'GET /api/v1/store/orders/{id}': refusedRoute(orderOfB, ORDER, { public: true, headers: orderTokenOfB }),
    // B's order number with B's address, asked of A: A's own order of that number (the same in both), never B's.
    'POST /api/v1/store/orders/lookup': {
      kind: 'tenant',
      public: true,
      body: (w) => ({ displayId: orders(w.b).orderNumber, email: checkoutBody.email }),
      after: async (w, res) => expect(res.json<{ order: { id: string } }>().order.id).toBe(orders(w.a).orderId),
    },
    'GET /api/v1/store/shipping-options': { kind: 'tenant', public: true, query: () => 'currencyCode=USD' },
    // Both tenants' orders are of the same address: A's search finds A's order only (B's ids are checked absent).
    'GET /api/v1/commerce/orders': {
      kind: 'tenant',
      query: () => `q=${encodeURIComponent(checkoutBody.email)}`,
      after: async (w, res) => expect(listedIds(res)).toEqual([orders(w.a).orderId]),
    },
    'GET /api/v1/commerce/orders/{id}': refusedRoute(orderOfB, ORDER),
    'GET /api/v1/commerce/stats': {
      kind: 'tenant',
      query: () => 'lowStockThreshold=1000',
      after: async (w, res) => {
        const body = res.json<{ orders: { last7Days: { count: number } }; lowStock: { variantId: string }[] }>();
        // A's own order and variant only (B's placed order and variant are secrets the suite looks for).
        expect(body.orders.last7Days.count).toBeGreaterThanOrEqual(1);
        expect(body.lowStock.map((s) => s.variantId)).toContain(commerceCatalogArea.of(w.a).variantId);
      },
    },
    'POST /api/v1/commerce/orders/{id}/transitions': refusedRoute(orderOfB, ORDER, {
      body: () => ({ to: 'cancelled' }),
      after: bUnchanged,
    }),
    'POST /api/v1/commerce/orders/{id}/payments/authorize': refusedRoute(orderOfB, ORDER, { body: () => ({}) }),
    'POST /api/v1/commerce/orders/{id}/payments/capture': refusedRoute(orderOfB, ORDER, { after: bUnchanged }),
    'POST /api/v1/commerce/orders/{id}/payments/refund': refusedRoute(orderOfB, ORDER, { after: bUnchanged }),
    'GET /api/v1/commerce/tax-rates': { kind: 'tenant' },
    'POST /api/v1/commerce/tax-rates': {
      kind: 'tenant',
      body: (w) => ({ countryCode: orders(w.b).countryCode, name: 'VAT of A', rateBp: 500 }),
      status: 201,
    },
    'GET /api/v1/commerce/tax-rates/{id}': refusedRoute({ id: (w) => orders(w.b).taxRateId }, TAX),
    'PATCH /api/v1/commerce/tax-rates/{id}': refusedRoute({ id: (w) => orders(w.b).taxRateId }, TAX, { body: () => ({ rateBp: 1 }) }),
    'DELETE /api/v1/commerce/tax-rates/{id}': refusedRoute({ id: (w) => orders(w.b).taxRateId }, TAX),
    'GET /api/v1/commerce/shipping-options': { kind: 'tenant' },
    'POST /api/v1/commerce/shipping-options': {
      kind: 'tenant',
      body: () => ({ name: 'Courier of A', currencyCode: 'USD', amount: 900 }),
      status: 201,
    },
    'GET /api/v1/commerce/shipping-options/{id}': refusedRoute({ id: (w) => orders(w.b).shippingOptionId }, SHIPPING),
    'PATCH /api/v1/commerce/shipping-options/{id}': refusedRoute({ id: (w) => orders(w.b).shippingOptionId }, SHIPPING, {
      body: () => ({ amount: 1 }),
    }),
    'DELETE /api/v1/commerce/shipping-options/{id}': refusedRoute({ id: (w) => orders(w.b).shippingOptionId }, SHIPPING),
    'GET /api/v1/commerce/discounts': { kind: 'tenant' },
    'POST /api/v1/commerce/discounts': {
      kind: 'tenant',
      body: (w) => ({ code: orders(w.b).discountCode, kind: 'fixed', value: 100, currencyCode: 'USD' }),
      status: 201,
    },
    'GET /api/v1/commerce/discounts/{id}': refusedRoute({ id: (w) => orders(w.b).discountId }, DISCOUNT),
    'PATCH /api/v1/commerce/discounts/{id}': refusedRoute({ id: (w) => orders(w.b).discountId }, DISCOUNT, { body: () => ({ value: 1 }) }),
    'DELETE /api/v1/commerce/discounts/{id}': refusedRoute({ id: (w) => orders(w.b).discountId }, DISCOUNT),
  },
  graphql: {
    'Query.commerceCart': refusedForB(
      'query ($cartId: ID!, $t: String) { commerceCart(id: $cartId, cartToken: $t) { id } }',
      cartVarsOfB,
      CART,
    ),
    'Query.commerceStoreShippingOptions': async (w) => {
      const reply = await w.gql(w.a.admin, '{ commerceStoreShippingOptions(currencyCode: "USD") { id } }');
      expect(reply.errors, reply.text).toBeUndefined();
      expect(((reply.data?.commerceStoreShippingOptions ?? []) as { id: string }[]).map((o) => o.id)).toContain(
        orders(w.a).shippingOptionId,
      );
      expect(reply.text).not.toContain(orders(w.b).shippingOptionId);
    },
    'Mutation.createCommerceCart': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation { createCommerceCart(currencyCode: "USD") { cart { id } cartToken } }');
      expect(reply.errors, reply.text).toBeUndefined();
      const made = reply.data?.createCommerceCart as { cart: { id: string }; cartToken: string };
      expect(made.cartToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await idsIn(w, w.a.tenant.id, 'commerce_carts')).toContain(made.cart.id);
      expect(await idsIn(w, w.b.tenant.id, 'commerce_carts')).not.toContain(made.cart.id);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.claimCommerceCart': async (w) => {
      await refusedForB(
        'mutation ($cartId: ID!, $t: String!) { claimCommerceCart(cartId: $cartId, cartToken: $t) { id } }',
        cartVarsOfB,
        CART,
      )(w);
      await bUnchanged(w);
    },
    'Mutation.addCommerceCartItem': async (w) => {
      const variables = { ...cartVarsOfB(w), variantId: commerceCatalogArea.of(w.b).variantId };
      await refusedForB(
        'mutation ($cartId: ID!, $t: String, $variantId: ID!) { addCommerceCartItem(cartId: $cartId, cartToken: $t, variantId: $variantId, quantity: 1) { id } }',
        () => variables,
        CART,
      )(w);
      await bUnchanged(w);
    },
    'Mutation.updateCommerceCartItem': refusedForB(
      'mutation ($cartId: ID!, $t: String, $itemId: ID!) { updateCommerceCartItem(cartId: $cartId, cartToken: $t, itemId: $itemId, quantity: 3) { id } }',
      (w) => ({ ...cartVarsOfB(w), itemId: orders(w.b).itemId }),
      CART,
    ),
    'Mutation.removeCommerceCartItem': refusedForB(
      'mutation ($cartId: ID!, $t: String, $itemId: ID!) { removeCommerceCartItem(cartId: $cartId, cartToken: $t, itemId: $itemId) { id } }',
      (w) => ({ ...cartVarsOfB(w), itemId: orders(w.b).itemId }),
      CART,
    ),
    'Mutation.updateCommerceCart': refusedForB(
      'mutation ($cartId: ID!, $t: String) { updateCommerceCart(cartId: $cartId, cartToken: $t, input: { email: "a@example.com" }) { id } }',
      cartVarsOfB,
      CART,
    ),
    'Mutation.checkoutCommerceCart': async (w) => {
      await refusedForB(
        'mutation ($cartId: ID!, $t: String, $input: CommerceCheckoutInput!) { checkoutCommerceCart(cartId: $cartId, cartToken: $t, input: $input) { order { id } orderToken } }',
        (x) => ({ ...cartVarsOfB(x), input: checkoutBody }),
        CART,
      )(w);
      await bUnchanged(w);
    },
    'Query.commerceStoreCarts': async (w) => {
      const reply = await w.gql(w.a.admin, '{ commerceStoreCarts(first: 20) { items { id customerId } nextCursor } }');
      expect(reply.errors, reply.text).toBeUndefined();
      const items = (reply.data?.commerceStoreCarts as { items: { customerId: string }[] } | undefined)?.items ?? [];
      expect(items.every((c) => c.customerId === w.a.adminId)).toBe(true);
      expectNoSecretsOfB(w, reply.text);
    },
    'Query.commerceStoreOrders': pageListsOnlyA(
      'commerceStoreOrders',
      '{ commerceStoreOrders(first: 100) { items { id } } }',
      (w) => orders(w.a).orderId,
    ),
    'Query.commerceStoreOrder': refusedForB(
      'query ($id: ID!, $t: String) { commerceStoreOrder(id: $id, orderToken: $t) { id total } }',
      (w) => ({ id: orders(w.b).orderId, t: orders(w.b).orderToken }),
      ORDER,
    ),
    'Query.commerceOrder': refusedForB(
      'query ($id: ID!) { commerceOrder(id: $id) { id total } }',
      id((o) => o.orderId),
      ORDER,
    ),
    'Query.commerceOrders': pageListsOnlyA('commerceOrders', '{ commerceOrders(first: 100) { items { id } } }', (w) => orders(w.a).orderId),
    'Mutation.transitionCommerceOrder': refusedForB(
      'mutation ($id: ID!) { transitionCommerceOrder(id: $id, to: "cancelled") { id } }',
      id((o) => o.orderId),
      ORDER,
    ),
    'Mutation.authorizeCommercePayment': refusedForB(
      'mutation ($id: ID!) { authorizeCommercePayment(orderId: $id) { id } }',
      id((o) => o.orderId),
      ORDER,
    ),
    'Mutation.captureCommercePayment': refusedForB(
      'mutation ($id: ID!) { captureCommercePayment(orderId: $id) { id } }',
      id((o) => o.orderId),
      ORDER,
    ),
    'Mutation.refundCommercePayment': refusedForB(
      'mutation ($id: ID!) { refundCommercePayment(orderId: $id) { id } }',
      id((o) => o.orderId),
      ORDER,
    ),
    'Query.commerceTaxRates': pageListsOnlyA(
      'commerceTaxRates',
      '{ commerceTaxRates(first: 100) { items { id } } }',
      (w) => orders(w.a).taxRateId,
    ),
    'Mutation.createCommerceTaxRate': createdInA(
      'mutation { createCommerceTaxRate(input: { countryCode: "DE", name: "VAT", rateBp: 1900 }) { id } }',
      {},
      'createCommerceTaxRate',
      'commerce_tax_rates',
    ),
    'Mutation.updateCommerceTaxRate': refusedForB(
      'mutation ($id: ID!) { updateCommerceTaxRate(id: $id, input: { rateBp: 1 }) { id } }',
      id((o) => o.taxRateId),
      TAX,
    ),
    'Mutation.deleteCommerceTaxRate': refusedForB(
      'mutation ($id: ID!) { deleteCommerceTaxRate(id: $id) }',
      id((o) => o.taxRateId),
      TAX,
    ),
    'Query.commerceShippingOptions': pageListsOnlyA(
      'commerceShippingOptions',
      '{ commerceShippingOptions(first: 100) { items { id } } }',
      (w) => orders(w.a).shippingOptionId,
    ),
    'Mutation.createCommerceShippingOption': createdInA(
      'mutation { createCommerceShippingOption(input: { name: "Pigeon", currencyCode: "USD", amount: 100 }) { id } }',
      {},
      'createCommerceShippingOption',
      'commerce_shipping_options',
    ),
    'Mutation.updateCommerceShippingOption': refusedForB(
      'mutation ($id: ID!) { updateCommerceShippingOption(id: $id, input: { amount: 1 }) { id } }',
      id((o) => o.shippingOptionId),
      SHIPPING,
    ),
    'Mutation.deleteCommerceShippingOption': refusedForB(
      'mutation ($id: ID!) { deleteCommerceShippingOption(id: $id) }',
      id((o) => o.shippingOptionId),
      SHIPPING,
    ),
    'Query.commerceDiscounts': pageListsOnlyA(
      'commerceDiscounts',
      '{ commerceDiscounts(first: 100) { items { id } } }',
      (w) => orders(w.a).discountId,
    ),
    'Mutation.createCommerceDiscount': createdInA(
      'mutation { createCommerceDiscount(input: { code: "GQL5", kind: "percentage", value: 500 }) { id } }',
      {},
      'createCommerceDiscount',
      'commerce_discounts',
    ),
    'Mutation.updateCommerceDiscount': refusedForB(
      'mutation ($id: ID!) { updateCommerceDiscount(id: $id, input: { value: 1 }) { id } }',
      id((o) => o.discountId),
      DISCOUNT,
    ),
    'Mutation.deleteCommerceDiscount': refusedForB(
      'mutation ($id: ID!) { deleteCommerceDiscount(id: $id) }',
      id((o) => o.discountId),
      DISCOUNT,
    ),
  },
});
