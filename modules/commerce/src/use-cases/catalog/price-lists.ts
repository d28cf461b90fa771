import { generateId, parseInput } from '@rustok/kernel';

import { catalogTx } from '../../catalog/tx.js';

import { type CommerceContext, inTenant, requirePermission } from '../../context.js';
import {
  announcePriceChanges,
  assertWindow,
  loadListPrices,
  loadPriceList,
  PRICE_LIST_COLUMNS,
  type PriceListRow,
  pricedVariantsOf,
  toPriceListView,
} from '../../prices/lists.js';

import { CreatePriceListInput, PageQuery, SetListPricesInput, UpdatePriceListInput } from '../../schemas/catalog.js';

import type { Paged, PriceListView } from '../../schemas/catalog-views.js';

import { PERM } from './access.js';

import { replaceListPrices } from './price-list-prices.js';

type Runner = Parameters<typeof loadListPrices>[0];

const viewOf = async (tx: Runner, row: PriceListRow): Promise<PriceListView> =>
  toPriceListView(row, (await loadListPrices(tx, [row.id])).get(row.id) ?? []);

/** GET /commerce/price-lists: newest first, each with its prices. */
export const listPriceLists = (ctx: CommerceContext, raw: Partial<PageQuery>): Promise<Paged<PriceListView>> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    const query = parseInput(PageQuery, { limit: 20, ...raw });
    const { rows } = await w.tx.query<PriceListRow>(
      `SELECT ${PRICE_LIST_COLUMNS} FROM commerce_price_lists WHERE ($1::uuid IS NULL OR id < $1::uuid)
        ORDER BY id DESC LIMIT ${query.limit + 1}`,
      [query.cursor ?? null],
    );
    const page = rows.slice(0, query.limit);
    const prices = await loadListPrices(
      w.tx,
      page.map((r) => r.id),
    );
    return {
      items: page.map((r) => toPriceListView(r, prices.get(r.id) ?? [])),
      nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  });

/** GET /commerce/price-lists/{id}. */
export const getPriceList = (ctx: CommerceContext, id: string): Promise<PriceListView> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    return viewOf(w.tx, await loadPriceList(w, id));
  });

/** POST /commerce/price-lists: a sale list (cheaper while it runs) or an override list (for entitled buyers). */
export const createPriceList = (ctx: CommerceContext, raw: CreatePriceListInput): Promise<PriceListView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    const input = parseInput(CreatePriceListInput, raw);
    assertWindow(input.startsAt ?? null, input.endsAt ?? null);
    const id = generateId();
    await w.tx.query('INSERT INTO commerce_price_lists (id, name, kind, starts_at, ends_at, active) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      input.name,
      input.kind ?? 'sale',
      input.startsAt ?? null,
      input.endsAt ?? null,
      input.active ?? true,
    ]);
    if (input.prices && input.prices.length > 0) await replaceListPrices(w, id, input.prices);
    return viewOf(w.tx, await loadPriceList(w, id));
  });

/** Whether an update changes what the list's prices cost (announced at once, window included). */
const pricing = (input: UpdatePriceListInput): boolean =>
  input.kind !== undefined || input.startsAt !== undefined || input.endsAt !== undefined || input.active !== undefined;

/** PATCH /commerce/price-lists/{id}: name, kind, window, active; the variants it prices are announced. */
export const updatePriceList = (ctx: CommerceContext, id: string, raw: UpdatePriceListInput): Promise<PriceListView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    const input = parseInput(UpdatePriceListInput, raw);
    const row = await loadPriceList(w, id, true);
    const next = {
      name: input.name ?? row.name,
      kind: input.kind ?? row.kind,
      starts_at: input.startsAt === undefined ? row.starts_at : input.startsAt,
      ends_at: input.endsAt === undefined ? row.ends_at : input.endsAt,
      active: input.active ?? row.active,
    };
    assertWindow(next.starts_at, next.ends_at);
    await w.tx.query(
      `UPDATE commerce_price_lists SET name = $2, kind = $3, starts_at = $4, ends_at = $5, active = $6, updated_at = now(),
              windows_announced_at = CASE WHEN $7 THEN now() ELSE windows_announced_at END
        WHERE id = $1`,
      [id, next.name, next.kind, next.starts_at, next.ends_at, next.active, pricing(input)],
    );
    if (pricing(input)) await announcePriceChanges(w, await pricedVariantsOf(w, id));
    return viewOf(w.tx, await loadPriceList(w, id));
  });

/** DELETE /commerce/price-lists/{id}: the list and its prices; the variants it priced are announced. */
export const deletePriceList = (ctx: CommerceContext, id: string): Promise<void> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    await loadPriceList(w, id, true);
    const priced = await pricedVariantsOf(w, id);
    await w.tx.query('DELETE FROM commerce_price_lists WHERE id = $1', [id]);
    await announcePriceChanges(w, priced);
  });

/** PUT /commerce/price-lists/{id}/prices: replaces every price of the list. */
export const setPriceListPrices = (ctx: CommerceContext, id: string, raw: SetListPricesInput): Promise<PriceListView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.prices);
    const input = parseInput(SetListPricesInput, raw);
    await loadPriceList(w, id, true);
    await replaceListPrices(w, id, input.prices);
    await w.tx.query('UPDATE commerce_price_lists SET updated_at = now() WHERE id = $1', [id]);
    return viewOf(w.tx, await loadPriceList(w, id));
  });
