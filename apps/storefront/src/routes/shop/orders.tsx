import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../../context.js';
import { fill, messagesFor } from '../../i18n/messages.js';
import { shopMessages } from '../../i18n/shop.js';
import type { PageOutcome, PageRoute, Params } from '../../page-types.js';
import { orderCookieOf, renewSession } from '../../session.js';
import { OrderList, OrderView } from '../../views/shop/order-view.js';
import type { StoreOrder } from '../../views/shop/types.js';
import { ordersOf } from './customer.js';

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
const GuestOrders = async (ctx: PageContext, request: FastifyRequest) => {
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
    </>
  );
};

/** GET /orders: a signed-in customer's order history; for a guest their last order and the sign-in link. */
const ordersPage: PageRoute = {
  path: '/orders',
  shared: false,
  load: async (ctx, _params, request, reply) => {
    const renewed = await renewSession(ctx, request, reply);
    if (renewed) return renewed;
    const t = messagesFor(shopMessages, ctx.locale);
    const body = ctx.signedIn ? <OrderList ctx={ctx} t={t} orders={await ordersOf(ctx)} /> : await GuestOrders(ctx, request);
    return {
      head: { title: t.ordersTitle, noindex: true },
      body: (
        <section aria-labelledby="orders-title">
          <h1 id="orders-title">{t.ordersTitle}</h1>
          {body}
        </section>
      ),
    };
  },
};

export const ORDER_PAGES: readonly PageRoute[] = [orderPage, ordersPage];
