import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../context.js';
import { fill, messagesFor } from '../../i18n/messages.js';
import { type ShopText, shopMessages } from '../../i18n/shop.js';
import type { PageOutcome, PageResult, PageRoute, Params } from '../../page-types.js';
import { field, orderCookieOf, renewSession, saveOrder } from '../../session.js';
import { LookupForm, type LookupState } from '../../views/shop/lookup-form.js';
import { OrderList, OrderView } from '../../views/shop/order-view.js';
import type { CheckoutResult, StoreOrder } from '../../views/shop/types.js';
import { ordersOf } from './customer.js';
import { formRoute } from './guard.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An order for the holder of its token (the order cookie) or its signed-in customer; undefined for anyone else. */
const orderFor = async (ctx: PageContext, request: FastifyRequest, id: string): Promise<StoreOrder | undefined> => {
  if (!UUID.test(id)) return undefined;
  const held = orderCookieOf(request);
  const headers = held?.id === id ? { 'x-order-token': held.token } : undefined;
  const result = await ctx.api.get<StoreOrder>(`/store/orders/${id}`, {}, headers);
  return result.ok ? result.value : undefined;
};

/** GET /orders/:id: the order's page (its confirmation right after checkout); 404 for anyone it is not for. */
const orderPage: PageRoute = {
  path: '/orders/:id',
  shared: false,
  load: async (ctx: PageContext, params: Params, request: FastifyRequest, reply: FastifyReply): Promise<PageOutcome> => {
    const renewed = await renewSession(ctx, request, reply);
    if (renewed) return renewed;
    const order = await orderFor(ctx, request, params.id ?? '');
    if (!order) return { notFound: true };
    const t = messagesFor(shopMessages, ctx.locale);
    const placed = orderCookieOf(request)?.id === order.id;
    return {
      head: { title: fill(t.orderTitle, { n: order.displayId }), noindex: true },
      body: <OrderView ctx={ctx} t={t} order={order} placed={placed} />,
    };
  },
};

/** The guest's part of the order list: their last order (from its cookie), and the way to sign in. */
const GuestOrders = async (ctx: PageContext, request: FastifyRequest, lookup: LookupState = {}) => {
  const t = messagesFor(shopMessages, ctx.locale);
  const held = orderCookieOf(request);
  const last = held ? await orderFor(ctx, request, held.id) : undefined;
  return (
    <>
      {last ? (
        <p>
          <a href={ctx.href(`/orders/${last.id}`)}>{fill(t.lastOrder, { n: last.displayId })}</a>
        </p>
      ) : null}
      <p>
        <a href={ctx.href('/account')}>{t.ordersGuest}</a>
      </p>
      <LookupForm ctx={ctx} t={t} state={lookup} />
    </>
  );
};

const ordersResult = (t: ShopText, body: ComponentChildren, status = 200): PageResult => ({
  status,
  head: { title: t.ordersTitle, noindex: true },
  body: (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t.ordersTitle}</h1>
      {body}
    </section>
  ),
});

/** GET /orders: a signed-in customer's order history; for a guest their last order, the sign-in link and the lookup form. */
const ordersPage: PageRoute = {
  path: '/orders',
  shared: false,
  load: async (ctx, _params, request, reply) => {
    const renewed = await renewSession(ctx, request, reply);
    if (renewed) return renewed;
    const t = messagesFor(shopMessages, ctx.locale);
    return ordersResult(t, ctx.signedIn ? <OrderList ctx={ctx} t={t} orders={await ordersOf(ctx)} /> : await GuestOrders(ctx, request));
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** POST /orders/lookup (number, email): a guest's order found, its token kept in the order cookie, then its page. */
const lookupOrder = formRoute('/orders/lookup', async (ctx, _params, request, reply) => {
  const t = messagesFor(shopMessages, ctx.locale);
  const number = field(request.body, 'number');
  const email = field(request.body, 'email');
  const digits = /^#?(\d{1,10})$/.exec(number)?.[1];
  const errors = {
    ...(digits && Number(digits) >= 1 ? {} : { number: t.invalidNumber }),
    ...(EMAIL.test(email) ? {} : { email: t.invalidEmail }),
  };
  const again = async (state: LookupState) => ordersResult(t, await GuestOrders(ctx, request, { number, email, ...state }), 422);
  if (Object.keys(errors).length > 0) return again({ errors, message: t.formErrors });
  const found = await ctx.api.send<CheckoutResult>('POST', '/store/orders/lookup', { displayId: Number(digits), email });
  if (!found.ok) return again({ message: found.status === 404 ? t.lookupNotFound : t.errGeneric });
  saveOrder(request, reply, { id: found.value.order.id, token: found.value.orderToken });
  return { redirect: ctx.href(`/orders/${found.value.order.id}`), status: 303 };
});

export const ORDER_PAGES: readonly PageRoute[] = [orderPage, ordersPage, lookupOrder];
