import { generateId, parseInput } from '@rustok/kernel';

import type { TSchema } from '@sinclair/typebox';
import { type CommerceContext, type CommerceTx, inTenant, type NotFoundNoun, notFound, requirePermission } from '../../context.js';
import type { Paged } from '../../schemas/order.js';

import { ShopListQuery } from '../../schemas/shop.js';

import { isUniqueViolation, sqlParams } from '../orders/kit.js';

const SETTINGS_PERMISSION = 'commerce.settings.manage';

/** A shop setting kept in one table (tax rates, shipping options, discount codes), managed with commerce.settings.manage. */
export interface ShopEntity<View, Input, Patch> {
  readonly table: string;
  /** For COMMERCE_<NOUN>_NOT_FOUND. */
  readonly noun: NotFoundNoun;
  readonly columns: string;
  readonly inputSchema: TSchema;
  readonly patchSchema: TSchema;
  /** Input property → column. */
  readonly fields: Readonly<Record<string, string>>;
  toView(row: Record<string, unknown>): View;
  /** Normalises and checks values the schema cannot (cross-field rules); `current` is set for a patch. */
  prepare?(values: Input | Patch, current: View | null): Record<string, unknown>;
  /** The 409 for a unique index (e.g. one rate per country). */
  duplicate?(values: Record<string, unknown>): Error;
  beforeDelete?(w: CommerceTx, id: string): Promise<void>;
}

const entries = (fields: Readonly<Record<string, string>>, values: Record<string, unknown>) =>
  Object.entries(fields).filter(([key]) => values[key] !== undefined);

const loadRow = async <V>(w: CommerceTx, e: ShopEntity<V, unknown, unknown>, id: string, lock = false): Promise<V> => {
  const { rows } = await w.tx.query(`SELECT ${e.columns} FROM ${e.table} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw notFound(e.noun, id);
  return e.toView(rows[0]);
};

const write = async <T>(e: ShopEntity<unknown, unknown, unknown>, values: Record<string, unknown>, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (e.duplicate && isUniqueViolation(error)) throw e.duplicate(values);
    throw error;
  }
};

export const listEntities = <V>(ctx: CommerceContext, e: ShopEntity<V, unknown, unknown>, page: { limit?: number; cursor?: string }) =>
  inTenant(ctx, async (w): Promise<Paged<V>> => {
    requirePermission(w.actor, SETTINGS_PERMISSION);
    const { limit, cursor } = parseInput(ShopListQuery, { limit: 20, ...page });
    const p = sqlParams();
    const where = cursor ? `WHERE id < ${p.add(cursor)}` : '';
    const { rows } = await w.tx.query(`SELECT ${e.columns} FROM ${e.table} ${where} ORDER BY id DESC LIMIT ${limit + 1}`, p.values);
    const items = rows.slice(0, limit).map((r) => e.toView(r));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? String(last.id) : null };
  });

export const getEntity = <V>(ctx: CommerceContext, e: ShopEntity<V, unknown, unknown>, id: string) =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, SETTINGS_PERMISSION);
    return loadRow(w, e, id);
  });

export const createEntity = <V, I, P>(ctx: CommerceContext, e: ShopEntity<V, I, P>, raw: I) =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, SETTINGS_PERMISSION);
    const input = parseInput(e.inputSchema, raw) as I;
    const values = e.prepare ? e.prepare(input, null) : (input as Record<string, unknown>);
    const set = entries(e.fields, values);
    const p = sqlParams();
    const placeholders = [p.add(generateId()), ...set.map(([key]) => p.add(values[key]))];
    const sql = `INSERT INTO ${e.table} (id, ${set.map(([, c]) => c).join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING ${e.columns}`;
    const { rows } = await write(e, values, () => w.tx.query(sql, p.values));
    return e.toView(rows[0] as Record<string, unknown>);
  });

export const updateEntity = <V, I, P>(ctx: CommerceContext, e: ShopEntity<V, I, P>, id: string, raw: P) =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, SETTINGS_PERMISSION);
    const patch = parseInput(e.patchSchema, raw) as P;
    const current = await loadRow(w, e, id, true);
    const values = e.prepare ? e.prepare(patch, current) : (patch as Record<string, unknown>);
    const set = entries(e.fields, values);
    if (set.length === 0) return current;
    const p = sqlParams();
    const sets = set.map(([key, c]) => `${c} = ${p.add(values[key])}`).join(', ');
    const sql = `UPDATE ${e.table} SET ${sets}, updated_at = now() WHERE id = ${p.add(id)} RETURNING ${e.columns}`;
    const { rows } = await write(e, values, () => w.tx.query(sql, p.values));
    return e.toView(rows[0] as Record<string, unknown>);
  });

export const deleteEntity = (ctx: CommerceContext, e: ShopEntity<unknown, unknown, unknown>, id: string) =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, SETTINGS_PERMISSION);
    await loadRow(w, e, id, true);
    await e.beforeDelete?.(w, id);
    await w.tx.query(`DELETE FROM ${e.table} WHERE id = $1`, [id]);
  });
