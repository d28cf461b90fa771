import { parseInput } from '@rustok/kernel';

import { type CommerceContext, inTenant } from '../../context.js';
import { toMinor } from '../../money.js';

import { type ShippingOption, ShippingOptionInput, ShippingOptionPatch } from '../../schemas/shop.js';

import { iso } from '../../time.js';

import { createEntity, deleteEntity, getEntity, listEntities, type ShopEntity, updateEntity } from './crud.js';

type Row = Record<string, unknown>;

/** Flat-rate shipping options, each in one currency; orders keep a snapshot of the chosen one. */
const shippingOptions: ShopEntity<ShippingOption, ShippingOptionInput, ShippingOptionPatch> = {
  table: 'commerce_shipping_options',
  noun: 'shipping_option',
  columns: 'id, name, currency_code, amount, active, created_at, updated_at',
  inputSchema: ShippingOptionInput,
  patchSchema: ShippingOptionPatch,
  fields: { name: 'name', currencyCode: 'currency_code', amount: 'amount', active: 'active' },
  toView: (r: Row) => ({
    id: String(r.id),
    name: String(r.name),
    currencyCode: String(r.currency_code),
    amount: toMinor(r.amount),
    active: Boolean(r.active),
    createdAt: iso(r.created_at as Date),
    updatedAt: iso(r.updated_at as Date),
  }),
  // Open carts that chose it simply have no shipping option any more; orders keep their snapshot.
  beforeDelete: async (w, id) => {
    await w.tx.query('UPDATE commerce_carts SET shipping_option_id = NULL WHERE shipping_option_id = $1', [id]);
  },
};

export const listShippingOptions = (ctx: CommerceContext, page: { limit?: number; cursor?: string } = {}) =>
  listEntities(ctx, shippingOptions, page);
export const getShippingOption = (ctx: CommerceContext, id: string) => getEntity(ctx, shippingOptions, id);
export const createShippingOption = (ctx: CommerceContext, input: ShippingOptionInput) => createEntity(ctx, shippingOptions, input);
export const updateShippingOption = (ctx: CommerceContext, id: string, patch: ShippingOptionPatch) =>
  updateEntity(ctx, shippingOptions, id, patch);
export const deleteShippingOption = (ctx: CommerceContext, id: string) =>
  deleteEntity(ctx, shippingOptions as ShopEntity<unknown, unknown, unknown>, id);

const StoreQuery = ShippingOptionInput.properties.currencyCode;

/** GET /store/shipping-options?currencyCode=: the active options a cart in that currency can choose (public). */
export const storeShippingOptions = (ctx: CommerceContext, currencyCode: string): Promise<ShippingOption[]> =>
  inTenant(ctx, async (w) => {
    const currency = parseInput(StoreQuery, currencyCode);
    const { rows } = await w.tx.query(
      `SELECT ${shippingOptions.columns} FROM commerce_shipping_options WHERE active AND currency_code = $1 ORDER BY amount, id LIMIT 100`,
      [currency],
    );
    return rows.map((r) => shippingOptions.toView(r));
  });
