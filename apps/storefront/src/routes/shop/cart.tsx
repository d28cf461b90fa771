import type { PageContext } from '../../context.js';
import { messagesFor } from '../../i18n/messages.js';
import { shopMessages } from '../../i18n/shop.js';
import type { PageOutcome, PageRoute } from '../../page-types.js';
import { localPath } from '../../session.js';
import { CartView } from '../../views/shop/cart-view.js';
import { cartErrorText } from './cart-errors.js';
import { openCart } from './cart-store.js';

/** GET /cart: the shopper's cart (private: never cached). */
export const cartPage: PageRoute = {
  path: '/cart',
  shared: false,
  load: async (ctx: PageContext, _params, request, reply): Promise<PageOutcome> => {
    const t = messagesFor(shopMessages, ctx.locale);
    const cart = await openCart(ctx, request, reply);
    const back = localPath(ctx.query.get('back')) ?? ctx.href('/');
    return {
      head: { title: t.cartTitle, noindex: true },
      body: <CartView ctx={ctx} t={t} cart={cart} error={cartErrorText(t, ctx.query.get('error'))} back={back} />,
    };
  },
};
