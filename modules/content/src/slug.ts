import type { SqlRunner } from '@rustok/kernel';
import slugify from '@sindresorhus/slugify';
import { contentErrors } from './errors.js';

export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG = new RegExp(SLUG_PATTERN);
const MAX_SLUG = 200;

/** A URL slug from any title: transliterated (Cyrillic, German, …), lower-case, hyphenated. */
export const slugFromTitle = (title: string, fallback = 'item'): string => {
  const slug = slugify(title, { lowercase: true, decamelize: false })
    .slice(0, MAX_SLUG - 8)
    .replace(/-+$/, '');
  return SLUG.test(slug) ? slug : fallback;
};

export const isValidSlug = (slug: string): boolean => slug.length <= MAX_SLUG && SLUG.test(slug);

export interface SlugScope {
  readonly kind: string;
  readonly locale: string;
  /** The node whose translation is being written (its own current slug does not collide). */
  readonly nodeId: string;
}

const takenSlugs = async (tx: SqlRunner, scope: SlugScope, base: string): Promise<Set<string>> => {
  const { rows } = await tx.query<{ slug: string }>(
    `SELECT slug FROM content_translations
      WHERE kind = $1 AND locale = $2 AND node_id <> $3 AND (slug = $4 OR slug LIKE $4 || '-%')`,
    [scope.kind, scope.locale, scope.nodeId, base],
  );
  return new Set(rows.map((r) => r.slug));
};

/**
 * A slug unique per tenant + kind + locale. A generated one gets `-2`, `-3`, … on collision; an
 * explicitly requested one that is taken is a conflict (409), so a client never gets a slug it did
 * not ask for.
 */
export const uniqueSlug = async (tx: SqlRunner, scope: SlugScope, base: string, explicit: boolean): Promise<string> => {
  const taken = await takenSlugs(tx, scope, base);
  if (!taken.has(base)) return base;
  if (explicit) {
    throw contentErrors.CONTENT_SLUG_TAKEN(`The slug "${base}" is already used by another ${scope.kind} in ${scope.locale}`, {
      errors: [{ path: 'slug', message: 'is already taken' }],
    });
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
};
