import type { SqlRunner } from '@rustok/kernel';
import { notFound } from '../../context.js';
import { conflict } from '../orders/kit.js';

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
    throw conflict('COMMERCE_CART_COMPLETED', `Cart ${row.id} was checked out already (order ${row.order_id})`, { orderId: row.order_id });
  }
  if (isExpired(row)) throw conflict('COMMERCE_CART_EXPIRED', `Cart ${row.id} expired; start a new cart`);
};

export const loadCart = async (tx: SqlRunner, id: string, lock = false): Promise<CartRow> => {
  const { rows } = await tx.query<CartRow>(`SELECT ${CART_COLUMNS} FROM commerce_carts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  const row = rows[0];
  if (!row) throw notFound('cart', id);
  return row;
};

/** Locks an open cart for a change and pushes its expiry out by the tenant's cart lifetime. */
export const touchOpenCart = async (tx: SqlRunner, id: string, ttlHours: number): Promise<CartRow> => {
  const { rows } = await tx.query<CartRow>(
    `UPDATE commerce_carts SET updated_at = now(), expires_at = now() + make_interval(hours => $2::int)
      WHERE id = $1 AND status = 'open' AND expires_at > now() RETURNING ${CART_COLUMNS}`,
    [id, ttlHours],
  );
  if (rows[0]) return rows[0];
  const row = await loadCart(tx, id);
  assertOpen(row);
  throw conflict('COMMERCE_CART_EXPIRED', `Cart ${id} expired; start a new cart`);
};

export const loadCartItems = async (tx: SqlRunner, cartId: string): Promise<CartItemRow[]> =>
  (
    await tx.query<CartItemRow>('SELECT id, variant_id, quantity FROM commerce_cart_items WHERE cart_id = $1 ORDER BY created_at, id', [
      cartId,
    ])
  ).rows;
