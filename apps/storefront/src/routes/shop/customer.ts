import type { PageContext } from '../../context.js';
import type { Customer, OrderSummary, Page } from '../../views/shop/types.js';

/** The signed-in customer (undefined for a guest, or when the access token is no longer good). */
export const customerOf = async (ctx: PageContext): Promise<Customer | undefined> => {
  if (!ctx.signedIn) return undefined;
  const me = await ctx.api.get<Customer>('/auth/me');
  return me.ok ? me.value : undefined;
};

/** The signed-in customer's newest orders. */
export const ordersOf = async (ctx: PageContext): Promise<readonly OrderSummary[]> => {
  const page = await ctx.api.get<Page<OrderSummary>>('/store/orders', { limit: 50 });
  return page.ok ? page.value.items : [];
};
