import type { PageRoute } from '../../page-types.js';
import { ACCOUNT_PAGES } from './account.js';
import { cartPage } from './cart.js';
import { CART_ACTIONS } from './cart-actions.js';
import { CHECKOUT_PAGES } from './checkout.js';
import { ORDER_PAGES } from './orders.js';
import { PASSWORD_RESET_PAGES } from './password-reset.js';
import { VERIFY_EMAIL_PAGES } from './verify-email.js';

/** The shop pages (each also under `/:locale`): cart, checkout, orders, account (with the pages its mails link to). All private (never cached). */
export const SHOP_PAGES: readonly PageRoute[] = [
  cartPage,
  ...CART_ACTIONS,
  ...CHECKOUT_PAGES,
  ...ORDER_PAGES,
  ...ACCOUNT_PAGES,
  ...VERIFY_EMAIL_PAGES,
  ...PASSWORD_RESET_PAGES,
];
