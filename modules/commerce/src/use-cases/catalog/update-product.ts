import { parseInput } from '@rustok/kernel';

import { uniqueHandle } from '../../catalog/handle.js';
import { resolveProductImages } from '../../catalog/product-images.js';
import { readProduct, viewOfRow } from '../../catalog/product-read.js';
import { loadProduct, productColumns, updateAndTouchProduct, writeProductTranslations } from '../../catalog/product-store.js';

import { catalogTx } from '../../catalog/tx.js';

import { assertLocales } from '../../catalog/validate.js';

import type { CommerceContext } from '../../context.js';

import { requirePermission } from '../../context.js';
import { COMMERCE_EVENT } from '../../events.js';

import { UpdateProductInput } from '../../schemas/catalog.js';

import type { ProductView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings } from '../../settings.js';

import { checkProductWrite } from '../../write-checks.js';

import { PERM } from './access.js';

import { statusEvent, writeStatus } from './product-status.js';

/** The names of what an update touches (`translations.<locale>` per locale), for the event. */
const changesOf = (input: UpdateProductInput, statusChanged: boolean): string[] => [
  ...Object.keys(input).filter((k) => k !== 'translations' && k !== 'status'),
  ...Object.keys(input.translations ?? {}).map((l) => `translations.${l}`),
  ...(statusChanged ? ['status'] : []),
];

/** A status or handle change compares with the current row; translations are written under its lock. */
const needsRow = (input: UpdateProductInput): boolean =>
  input.status !== undefined || input.handle !== undefined || input.translations !== undefined;

/**
 * PATCH /commerce/products/{id}: fields, handle and translations (null removes one). A status
 * change here needs commerce.products.publish, like the publish and archive routes. The version
 * grows by one per update; an empty body (or only the current status) changes nothing. The
 * product-write checks (validate hooks) see the changes first and may refuse them.
 */
export const updateProduct = async (ctx: CommerceContext, id: string, raw: UpdateProductInput): Promise<ProductView> => {
  requirePermission(ctx.actor, PERM.write);
  const input = parseInput(UpdateProductInput, raw);
  await checkProductWrite(ctx, 'commerce.product.update', id, input);
  return applyProductUpdate(ctx, id, input);
};

/**
 * The update itself, with no product-write checks: what `updateProduct` does once they passed, and
 * what other modules' contract writes (a script's tags) do directly.
 */
export const applyProductUpdate = (ctx: CommerceContext, id: string, raw: UpdateProductInput): Promise<ProductView> =>
  catalogTx(ctx, async (w) => {
    requirePermission(w.actor, PERM.write);
    const input = parseInput(UpdateProductInput, raw);
    const settings = await loadCommerceSettings(w.tx);
    assertLocales(settings, Object.keys(input.translations ?? {}), '/translations');
    // The row is read (and locked) first only when the update depends on it; otherwise the UPDATE
    // itself locks it and answers 404 when it is not there.
    const row = needsRow(input) ? await loadProduct(w, id, true) : undefined;
    const statusChanged = input.status !== undefined && input.status !== row?.status;
    if (statusChanged) requirePermission(w.actor, PERM.publish);
    const cols = productColumns({ ...input, images: await resolveProductImages(w.tx, input.images) });
    if (input.handle !== undefined && input.handle !== row?.handle) cols.handle = await uniqueHandle(w.tx, input.handle, true, id);
    else delete cols.handle;
    if (input.translations) await writeProductTranslations(w, id, input.translations);
    if (statusChanged && input.status) await writeStatus(w, id, input.status);
    const changes = changesOf(input, statusChanged);
    if (changes.length === 0) return readProduct(w.tx, id, settings);
    const type = statusChanged && input.status ? statusEvent(input.status) : COMMERCE_EVENT.productUpdated;
    return viewOfRow(w.tx, await updateAndTouchProduct(w, id, cols, type, changes), settings);
  });
