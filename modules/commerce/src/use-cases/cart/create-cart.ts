import { generateId, parseInput } from '@rustok/kernel';

import { capabilityHash, newCapabilityToken } from '../../capability.js';

import { type CommerceContext, inTenant } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { type CartCreated, CreateCartInput } from '../../schemas/cart.js';

import { loadCommerceSettings, settingsFirst } from '../../settings.js';
import { CART_COLUMNS, type CartRow } from './cart-store.js';

import { buildCartView } from './cart-view.js';

/**
 * POST /store/carts: a guest cart, or a signed-in customer's (it records who). One currency per
 * cart. Answers the cart and its token, the one time the token is shown; only its hash is kept.
 */
export const createCart = (ctx: CommerceContext, raw: CreateCartInput): Promise<CartCreated> =>
  inTenant(
    ctx,
    async (w) => {
      const input = parseInput(CreateCartInput, raw);
      const settings = await loadCommerceSettings(w.tx);
      if (!settings.currencies.includes(input.currencyCode)) {
        throw commerceErrors.COMMERCE_CURRENCY_UNSUPPORTED(
          `This shop sells in ${settings.currencies.join(', ')}, not ${input.currencyCode}`,
        );
      }
      const cartToken = newCapabilityToken();
      const { rows } = await w.tx.query<CartRow>(
        `INSERT INTO commerce_carts (id, customer_id, currency_code, email, country_code, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7::int)) RETURNING ${CART_COLUMNS}`,
        [
          generateId(),
          w.actor.userId,
          input.currencyCode,
          input.email ?? null,
          input.countryCode ?? null,
          capabilityHash(cartToken),
          settings.cartTtlHours,
        ],
      );
      return { cart: await buildCartView(w.tx, rows[0] as CartRow), cartToken };
    },
    settingsFirst,
  );
