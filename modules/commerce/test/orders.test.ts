import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { CheckoutResult, Order } from '../src/schemas/order.js';
import { type Call, caller, expectProblem, ok, orderEvents, seedProduct, stockOf, store } from './fixtures.js';

describeEachBackend('commerce orders', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let call: Call;
  let shop: ReturnType<typeof store>;

  /** A pending order of `quantity` units of a fresh variant with 10 in stock. */
  const placed = async (quantity = 2) => {
    const { variantIds } = await seedProduct(call, admin, [{ prices: { USD: 1500 }, stock: 10 }]);
    const v = variantIds[0] ?? '';
    const cart = await shop.cart();
    await shop.add(cart.id, v, quantity);
    return { order: await shop.order(cart.id), variantId: v };
  };
  const move = (id: string, to: string, headers = admin) => call('POST', `/commerce/orders/${id}/transitions`, headers, { to });
  const walk = async (id: string, ...steps: string[]) => {
    let last: Order | undefined;
    for (const to of steps) last = await ok<Order>(move(id, to));
    return last as Order;
  };
  const statusEvents = async (id: string) =>
    (await orderEvents(p, tenant.id, id)).filter((e) => e.type === 'commerce.order.status_changed').map((e) => e.payload);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    call = caller(p);
    tenant = await p.createTenant('orders-a');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    shop = store(call, { 'x-tenant-id': tenant.id });
  });
  afterAll(() => p?.close());

  it('walks pending → paid → fulfilled → shipped → delivered, with a history entry and an event per move', async () => {
    const { order, variantId } = await placed();
    const done = await walk(order.id, 'paid', 'fulfilled', 'shipped', 'delivered');
    expect(done.status).toBe('delivered');
    expect(done.allowedTransitions).toEqual(['refunded']);
    expect(done.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'pending'],
      ['pending', 'paid'],
      ['paid', 'fulfilled'],
      ['fulfilled', 'shipped'],
      ['shipped', 'delivered'],
    ]);
    expect(done.payments).toMatchObject([{ provider: 'manual', status: 'captured', amount: order.total }]);
    expect(await statusEvents(order.id)).toEqual(
      ['paid', 'fulfilled', 'shipped', 'delivered'].map((to, i) => ({
        orderId: order.id,
        displayId: order.displayId,
        from: ['pending', 'paid', 'fulfilled', 'shipped'][i],
        to,
        restocked: false,
      })),
    );
    const types = (await orderEvents(p, tenant.id, order.id)).map((e) => e.type);
    expect(types.filter((t) => t.startsWith('commerce.payment.'))).toEqual(['commerce.payment.authorized', 'commerce.payment.captured']);
    expect(await stockOf(p, tenant.id, variantId)).toBe(8);
  });

  it('refuses an invalid transition with 409 ORDER_INVALID_TRANSITION listing the allowed ones', async () => {
    const { order } = await placed();
    const res = await move(order.id, 'shipped');
    expectProblem(res, 409, 'ORDER_INVALID_TRANSITION');
    expect(res.json()).toMatchObject({ from: 'pending', to: 'shipped', allowed: ['paid', 'cancelled'] });
    expect(res.json<{ detail: string }>().detail).toContain('paid, cancelled');
    await walk(order.id, 'cancelled');
    const final = await move(order.id, 'paid');
    expectProblem(final, 409, 'ORDER_INVALID_TRANSITION');
    expect(final.json()).toMatchObject({ allowed: [] });
    expectProblem(await move(order.id, 'lost'), 422, 'VALIDATION_FAILED');
    expectProblem(await move('0190a0f0-0000-7000-8000-000000000002', 'paid'), 404, 'COMMERCE_ORDER_NOT_FOUND');
  });

  it('restocks on cancel from pending and from paid (money back), with release events', async () => {
    const pending = await placed(3);
    expect(await stockOf(p, tenant.id, pending.variantId)).toBe(7);
    await walk(pending.order.id, 'cancelled');
    expect(await stockOf(p, tenant.id, pending.variantId)).toBe(10);
    const paid = await placed(4);
    const cancelled = await walk(paid.order.id, 'paid', 'cancelled');
    expect(await stockOf(p, tenant.id, paid.variantId)).toBe(10);
    expect(cancelled.payments.map((x) => [x.status, x.refundedAmount])).toEqual([['refunded', paid.order.total]]);
    const events = await orderEvents(p, tenant.id, paid.order.id);
    expect(events.filter((e) => e.type === 'commerce.inventory.adjusted').map((e) => [e.payload.reason, e.payload.delta])).toEqual([
      ['reservation', -4],
      ['release', 4],
    ]);
    expect((await statusEvents(paid.order.id)).at(-1)).toMatchObject({ from: 'paid', to: 'cancelled', restocked: true });
    expect(events.map((e) => e.type)).toContain('commerce.payment.refunded');
  });

  it('restocks a refund before shipping, not after (the goods are with the customer)', async () => {
    const early = await placed(2);
    await walk(early.order.id, 'paid', 'fulfilled', 'refunded');
    expect(await stockOf(p, tenant.id, early.variantId)).toBe(10);
    expect((await statusEvents(early.order.id)).at(-1)).toMatchObject({ from: 'fulfilled', to: 'refunded', restocked: true });
    const late = await placed(2);
    await walk(late.order.id, 'paid', 'fulfilled', 'shipped', 'refunded');
    expect(await stockOf(p, tenant.id, late.variantId)).toBe(8);
    expect((await statusEvents(late.order.id)).at(-1)).toMatchObject({ from: 'shipped', to: 'refunded', restocked: false });
    const reservations = await p.database.db.transaction(
      async (tx) =>
        (await tx.query<{ status: string }>('SELECT status FROM commerce_reservations WHERE order_id = $1', [late.order.id])).rows,
      { tenantId: tenant.id },
    );
    expect(reservations.map((r) => r.status)).toEqual(['consumed']);
    expectProblem(await move(late.order.id, 'refunded'), 409, 'ORDER_INVALID_TRANSITION');
  });

  it('takes payments through the manual provider: authorize, capture (→ paid), refund (→ refunded), each idempotent', async () => {
    const { order, variantId } = await placed(1);
    const pay = (step: string, body?: unknown) => call('POST', `/commerce/orders/${order.id}/payments/${step}`, admin, body);
    expectProblem(await pay('capture'), 409, 'COMMERCE_PAYMENT_NOT_AUTHORIZED');
    expectProblem(await pay('authorize', { provider: 'stripe' }), 422, 'COMMERCE_PAYMENT_PROVIDER_UNKNOWN');
    const authorized = await ok<Order>(pay('authorize', {}));
    expect(authorized).toMatchObject({ status: 'pending', payments: [{ provider: 'manual', status: 'authorized', amount: order.total }] });
    expect(authorized.payments[0]?.providerReference).toMatch(/^manual_/);
    expect((await ok<Order>(pay('authorize', {}))).payments).toHaveLength(1);
    const paid = await ok<Order>(pay('capture'));
    expect(paid).toMatchObject({ status: 'paid', payments: [{ status: 'captured' }] });
    expect(paid.history.at(-1)).toMatchObject({ from: 'pending', to: 'paid', note: 'payment captured' });
    expect((await ok<Order>(pay('capture'))).history).toHaveLength(2);
    const refunded = await ok<Order>(pay('refund'));
    expect(refunded).toMatchObject({ status: 'refunded', payments: [{ status: 'refunded', refundedAmount: order.total }] });
    expect((await ok<Order>(pay('refund'))).history).toHaveLength(3);
    expect(await stockOf(p, tenant.id, variantId)).toBe(10);
    const types = (await orderEvents(p, tenant.id, order.id)).map((e) => e.type).filter((t) => t.startsWith('commerce.payment.'));
    expect(types).toEqual(['commerce.payment.authorized', 'commerce.payment.captured', 'commerce.payment.refunded']);
    const other = await placed(1);
    expectProblem(await call('POST', `/commerce/orders/${other.order.id}/payments/refund`, admin), 409, 'ORDER_INVALID_TRANSITION');
  });

  it('guards orders with RBAC: read (all), read_own (theirs, others 404), manage, refund', async () => {
    const { order } = await placed(1);
    const customer = await p.userWithToken(tenant.id, ['customer']);
    const editor = await p.userWithToken(tenant.id, ['editor']);
    const mine = store(call, customer.headers);
    const { variantIds } = await seedProduct(call, admin, [{ stock: 5 }]);
    const cart = await mine.cart();
    await mine.add(cart.id, variantIds[0] ?? '');
    const own = await mine.order(cart.id);
    const listed = await ok<{ items: { id: string }[] }>(call('GET', '/commerce/orders', customer.headers));
    expect(listed.items.map((o) => o.id)).toEqual([own.id]);
    expectProblem(await call('GET', `/commerce/orders/${order.id}`, customer.headers), 404, 'COMMERCE_ORDER_NOT_FOUND');
    expectProblem(await move(own.id, 'cancelled', customer.headers), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('GET', '/commerce/orders', { 'x-tenant-id': tenant.id }), 401);
    const seen = await ok<{ items: { id: string }[] }>(call('GET', '/commerce/orders?limit=100', editor.headers));
    expect(seen.items.map((o) => o.id)).toEqual(expect.arrayContaining([order.id, own.id]));
    expectProblem(await move(order.id, 'paid', editor.headers), 403, 'AUTH_FORBIDDEN');
    await ok(call('PUT', '/auth/roles/refunder', admin, { permissions: ['commerce.orders.refund'] }));
    const refunder = await p.userWithToken(tenant.id, ['refunder']);
    expectProblem(await move(order.id, 'paid', refunder.headers), 403, 'AUTH_FORBIDDEN');
    const manager = await p.userWithToken(tenant.id, ['manager']);
    await ok(move(order.id, 'paid', manager.headers));
    const keeper = await p.userWithToken(tenant.id, ['editor']);
    expectProblem(await move(order.id, 'refunded', keeper.headers), 403, 'AUTH_FORBIDDEN');
    expect((await ok<Order>(move(order.id, 'refunded', refunder.headers))).status).toBe('refunded');
  });

  it('pages the order list with a cursor and filters by status', async () => {
    const a = (await placed(1)).order;
    const b = (await placed(1)).order;
    await walk(a.id, 'paid');
    const page1 = await ok<{ items: { id: string }[]; nextCursor: string }>(call('GET', '/commerce/orders?limit=1', admin));
    expect(page1.items.map((o) => o.id)).toEqual([b.id]);
    const page2 = await ok<{ items: { id: string }[] }>(call('GET', `/commerce/orders?limit=1&cursor=${page1.nextCursor}`, admin));
    expect(page2.items.map((o) => o.id)).toEqual([a.id]);
    const paid = await ok<{ items: { id: string; status: string }[] }>(call('GET', '/commerce/orders?status=paid&limit=100', admin));
    expect(paid.items.every((o) => o.status === 'paid')).toBe(true);
    expect(paid.items.map((o) => o.id)).toContain(a.id);
  });

  it('manages tax rates, shipping options and discounts (commerce.settings.manage)', async () => {
    const rate = await ok<{ id: string; rateBp: number }>(
      call('POST', '/commerce/tax-rates', admin, { countryCode: 'FR', name: 'TVA', rateBp: 2000 }),
      201,
    );
    expectProblem(
      await call('POST', '/commerce/tax-rates', admin, { countryCode: 'FR', name: 'again', rateBp: 1 }),
      409,
      'COMMERCE_TAX_RATE_EXISTS',
    );
    expect((await ok<{ rateBp: number }>(call('PATCH', `/commerce/tax-rates/${rate.id}`, admin, { rateBp: 550 }))).rateBp).toBe(550);
    expect((await ok<{ items: { id: string }[] }>(call('GET', '/commerce/tax-rates', admin))).items.map((r) => r.id)).toContain(rate.id);
    expect((await call('DELETE', `/commerce/tax-rates/${rate.id}`, admin)).statusCode).toBe(204);
    expectProblem(await call('GET', `/commerce/tax-rates/${rate.id}`, admin), 404, 'COMMERCE_TAX_RATE_NOT_FOUND');
    const code = { code: 'ONCE', kind: 'fixed', value: 100, usageLimit: 1 };
    expectProblem(await call('POST', '/commerce/discounts', admin, code), 422, 'COMMERCE_DISCOUNT_INVALID_SETTINGS');
    const discount = await ok<{ id: string; code: string }>(
      call('POST', '/commerce/discounts', admin, { ...code, code: 'once', currencyCode: 'USD' }),
      201,
    );
    expect(discount.code).toBe('ONCE');
    expectProblem(await call('POST', '/commerce/discounts', admin, { ...code, currencyCode: 'USD' }), 409, 'COMMERCE_DISCOUNT_CODE_TAKEN');
    expectProblem(
      await call('POST', '/commerce/discounts', admin, { code: 'BIG', kind: 'percentage', value: 10001 }),
      422,
      'COMMERCE_DISCOUNT_INVALID_SETTINGS',
    );
    const option = await ok<{ id: string }>(
      call('POST', '/commerce/shipping-options', admin, { name: 'Gone', currencyCode: 'USD', amount: 1 }),
      201,
    );
    const cart = await shop.cart();
    await shop.patch(cart.id, { shippingOptionId: option.id });
    expect((await call('DELETE', `/commerce/shipping-options/${option.id}`, admin)).statusCode).toBe(204);
    expect((await shop.get(cart.id)).shippingOption).toBeNull();
    const customer = await p.userWithToken(tenant.id, ['customer']);
    expectProblem(await call('GET', '/commerce/discounts', customer.headers), 403, 'AUTH_FORBIDDEN');
  });

  it('enforces a discount usage limit under concurrent checkouts', async () => {
    const { variantIds } = await seedProduct(call, admin, [{ prices: { USD: 1000 }, stock: 100 }]);
    await ok(call('POST', '/commerce/discounts', admin, { code: 'TWICE', kind: 'percentage', value: 5000, usageLimit: 2 }), 201);
    const carts = [];
    for (let i = 0; i < 6; i++) {
      const cart = await shop.cart();
      await shop.add(cart.id, variantIds[0] ?? '');
      await shop.patch(cart.id, { discountCode: 'TWICE' });
      carts.push(cart.id);
    }
    const answers = await Promise.all(carts.map((id) => shop.checkout(id)));
    const created = answers.filter((r) => r.statusCode === 201).map((r) => r.json<CheckoutResult>().order);
    expect(created).toHaveLength(2);
    expect(created.every((o) => o.discountTotal === 500 && o.discountCode === 'TWICE')).toBe(true);
    for (const r of answers.filter((x) => x.statusCode !== 201)) expectProblem(r, 409, 'COMMERCE_DISCOUNT_USAGE_LIMIT_REACHED');
    expect(await stockOf(p, tenant.id, variantIds[0] ?? '')).toBe(98);
  });

  it('offers orders, transitions and payments over GraphQL', async () => {
    const { order } = await placed(1);
    const gql = async (query: string, variables: Record<string, unknown> = {}) =>
      (await p.app.inject({ method: 'POST', url: '/graphql', headers: admin, payload: { query, variables } })).json<{
        data?: Record<string, { status: string; displayId: number; history: { to: string }[] } | null>;
        errors?: { extensions: { code: string } }[];
      }>();
    const read = await gql('query($id: ID!) { commerceOrder(id: $id) { status displayId history { to } } }', { id: order.id });
    expect(read.data?.commerceOrder).toMatchObject({ status: 'pending', displayId: order.displayId });
    const paid = await gql('mutation($id: ID!) { transitionCommerceOrder(id: $id, to: "paid") { status history { to } } }', {
      id: order.id,
    });
    expect(paid.data?.transitionCommerceOrder?.history.map((h) => h.to)).toEqual(['pending', 'paid']);
    const bad = await gql('mutation($id: ID!) { transitionCommerceOrder(id: $id, to: "delivered") { status } }', { id: order.id });
    expect(bad.errors?.[0]?.extensions.code).toBe('ORDER_INVALID_TRANSITION');
    const refunded = await gql('mutation($id: ID!) { refundCommercePayment(orderId: $id) { status } }', { id: order.id });
    expect(refunded.data?.refundCommercePayment?.status).toBe('refunded');
  });

  it('searches orders over GraphQL as over REST (q: the order number, or the beginning of the e-mail)', async () => {
    const { order } = await placed(1);
    const search = async (q: string) =>
      (
        await p.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: admin,
          payload: { query: 'query($q: String) { commerceOrders(q: $q, first: 50) { items { id } } }', variables: { q } },
        })
      ).json<{ data?: { commerceOrders: { items: { id: string }[] } | null }; errors?: { extensions: { code: string } }[] }>();
    expect((await search(`#${order.displayId}`)).data?.commerceOrders?.items.map((o) => o.id)).toEqual([order.id]);
    expect((await search('#999999')).data?.commerceOrders?.items).toEqual([]);
    expect((await search('   ')).errors?.map((e) => e.extensions.code)).toEqual(['VALIDATION_FAILED']);
  });

  it.each(['commerceTaxRates', 'commerceShippingOptions', 'commerceDiscounts', 'commerceOrders', 'commercePriceLists'])(
    'refuses a malformed `after` cursor of %s with a coded error, not INTERNAL_ERROR',
    async (field) => {
      for (const after of ['not-a-cursor', '', 'a\u0000b', '00000000-0000-0000-0000-00000000000g']) {
        const res = await p.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: admin,
          payload: { query: `query($after: String) { ${field}(first: 2, after: $after) { nextCursor } }`, variables: { after } },
        });
        const body = res.json<{ errors?: { extensions: { code: string } }[] }>();
        if (after === '') expect(body.errors).toBeUndefined();
        else expect(body.errors?.map((e) => e.extensions.code)).toEqual(['VALIDATION_FAILED']);
      }
    },
  );
});
