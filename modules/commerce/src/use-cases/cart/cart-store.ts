import type { SqlRunner } from '@rustok/kernel';
import { hashOrNull } from '../../capability.js';
import { notFound } from '../../context.js';
import { commerceErrors } from '../../errors.js';

export const CART_COLUMNS = `id, status, currency_code, customer_id, email, country_code, discount_code, shipping_option_id,
  order_id, expires_at, created_at, updated_at`;

export interface CartRow {
  id: string;
  status: 'open' | 'completed' | 'expired';
  currency_code: string;
  customer_id: string | null;
  email: string | null;
  country_code: string | null;
  discount_code: string | null;
  shipping_option_id: string | null;
  order_id: string | null;
  expires_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

export interface CartItemRow {
  id: string;
  variant_id: string;
  quantity: number;
  [key: string]: unknown;
}

/** An open cart whose time has come counts as expired even before the expiry job marks it. */
export const isExpired = (row: CartRow, now = new Date()): boolean =>
  row.status === 'expired' || (row.status === 'open' && new Date(row.expires_at).getTime() <= now.getTime());

/** 409 unless the cart can still change: completed carts became orders, expired ones are gone. */
export const assertOpen = (row: CartRow): void => {
  if (row.status === 'completed') {
    throw commerceErrors.COMMERCE_CART_COMPLETED(`Cart ${row.id} was checked out already (order ${row.order_id})`, {
      meta: { orderId: row.order_id },
    });
  }
  if (isExpired(row)) throw commerceErrors.COMMERCE_CART_EXPIRED(`Cart ${row.id} expired; start a new cart`);
};

/** A cart as a request names it: its id and the cart token sent with it (null: none). */
export interface CartKey {
  readonly id: string;
  readonly token: string | null;
}

/**
 * The condition under which a request reaches a cart (placeholders $1 id, $2 token hash, $3 the
 * signed-in caller): the cart's token, or the customer the cart belongs to. Anything else is
 * answered as a missing cart (404), so an id alone says nothing about the cart behind it.
 */
export const REACHABLE_CART = 'id = $1 AND (token_hash = $2 OR customer_id = $3)';

export const reachParams = (key: CartKey, actorId: string | null): [string, string | null, string | null] => [
  key.id,
  hashOrNull(key.token),
  actorId,
];

export const loadCart = async (tx: SqlRunner, key: CartKey, actorId: string | null): Promise<CartRow> => {
  const { rows } = await tx.query<CartRow>(`SELECT ${CART_COLUMNS} FROM commerce_carts WHERE ${REACHABLE_CART}`, reachParams(key, actorId));
  const row = rows[0];
  if (!row) throw notFound('cart', key.id);
  return row;
};

/** Locks an open cart the caller reaches for a change and pushes its expiry out by the tenant's cart lifetime. */
export const touchOpenCart = async (tx: SqlRunner, key: CartKey, actorId: string | null, ttlHours: number): Promise<CartRow> => {
  const { rows } = await tx.query<CartRow>(
    `UPDATE commerce_carts SET updated_at = now(), expires_at = now() + make_interval(hours => $4::int)
      WHERE ${REACHABLE_CART} AND status = 'open' AND expires_at > now() RETURNING ${CART_COLUMNS}`,
    [...reachParams(key, actorId), ttlHours],
  );
  if (rows[0]) return rows[0];
  const row = await loadCart(tx, key, actorId);
  assertOpen(row);
  throw commerceErrors.COMMERCE_CART_EXPIRED(`Cart ${key.id} expired; start a new cart`);
};

export const loadCartItems = async (tx: SqlRunner, cartId: string): Promise<CartItemRow[]> =>
  (
    await tx.query<CartItemRow>('SELECT id, variant_id, quantity FROM commerce_cart_items WHERE cart_id = $1 ORDER BY created_at, id', [
      cartId,
    ])
  ).rows;
