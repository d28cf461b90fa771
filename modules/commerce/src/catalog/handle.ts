import type { SqlRunner } from '@rustok/kernel';
import slugify from '@sindresorhus/slugify';
import { HANDLE_PATTERN } from '../schemas/catalog.js';
import { handleTaken } from './errors.js';

const HANDLE = new RegExp(HANDLE_PATTERN);
const MAX_HANDLE = 200;

/** A URL handle from any title: transliterated (Cyrillic, German, …), lower-case, hyphenated. */
export const handleFromTitle = (title: string): string => {
  const handle = slugify(title, { lowercase: true, decamelize: false })
    .slice(0, MAX_HANDLE - 8)
    .replace(/-+$/, '');
  return HANDLE.test(handle) ? handle : 'product';
};

const takenHandles = async (tx: SqlRunner, base: string, productId: string | null): Promise<Set<string>> => {
  const { rows } = await tx.query<{ handle: string }>(
    `SELECT handle FROM commerce_products
      WHERE (handle = $1 OR handle LIKE $1 || '-%') AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [base, productId],
  );
  return new Set(rows.map((r) => r.handle));
};

/**
 * A handle unique in the tenant. A generated one gets `-2`, `-3`, … on collision; an explicitly
 * requested one that is taken is a conflict (409 COMMERCE_HANDLE_TAKEN).
 */
export const uniqueHandle = async (tx: SqlRunner, base: string, explicit: boolean, productId: string | null = null): Promise<string> => {
  const taken = await takenHandles(tx, base, productId);
  if (!taken.has(base)) return base;
  if (explicit) throw handleTaken(base);
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
};
