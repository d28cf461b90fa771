import { generationOf } from '../runtime.js';
import type { ProductFacets } from '../schemas.js';
import type { ProductPlanInput } from './product-where.js';
import type { MatchMode } from './sql.js';

const MAX_KEPT = 2_000;

interface Kept {
  readonly text: string;
  readonly generation: number;
  readonly until: number;
}

const kept = new Map<string, Kept>();

/** What the counts depend on: the tenant, the match and every filter (not the sort, the page or its size). */
const keyOf = (input: ProductPlanInput, mode: MatchMode): string => {
  const q = input.query;
  return JSON.stringify([
    input.ctx.tenantId,
    mode,
    input.locale,
    input.currency,
    q.q?.trim() ?? '',
    q.category,
    q.tag,
    q.minPrice,
    q.maxPrice,
    q.inStock,
    input.custom,
  ]);
};

/**
 * The facet counts of a query as JSON text, counted once per tenant and filters until the tenant's
 * next committed index write in this process (its generation), and for `ttlMs` at most (writes other
 * instances apply). Every page of a catalog, and every shopper, asks the same counts: the count over
 * the whole result is the dearest statement of a list.
 */
export const facetsText = async (
  input: ProductPlanInput,
  mode: MatchMode,
  ttlMs: number,
  count: () => Promise<ProductFacets>,
): Promise<string> => {
  if (ttlMs <= 0) return JSON.stringify(await count());
  const tenantId = input.ctx.tenantId;
  const key = keyOf(input, mode);
  const generation = generationOf(tenantId);
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.generation === generation && hit.until > now) return hit.text;
  const text = JSON.stringify(await count());
  // A write committed while counting: these counts may be of before it, so they are not kept.
  if (generationOf(tenantId) === generation) {
    kept.delete(key);
    kept.set(key, { text, generation, until: now + ttlMs });
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value ?? '');
  }
  return text;
};
