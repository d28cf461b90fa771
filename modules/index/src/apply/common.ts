import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';

/** What a write to the read model records about the event that caused it (null for a rebuild). */
export interface ApplyMeta {
  readonly occurredAt: string | null;
}

export const REBUILD: ApplyMeta = { occurredAt: null };

/** The version a deleted item's tombstone carries: nothing can ever overwrite it. */
export const DELETED_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * Serialises every writer of one node's rows (handlers, rebuilds, in any process) for the rest of
 * the transaction. Taken before the write model is read, so the later writer always reads the newer
 * state: a node's reply count, category and author names change without a new revision, so the
 * revision alone cannot order two reads. (Products need no lock: see refreshProducts.)
 */
const LOCK_SQL = preparedSql('index_lock_item', 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))');

export const lockItem = async (tx: SqlRunner, kind: 'node', id: string): Promise<void> => {
  await tx.query(LOCK_SQL, [`rustok.index.${kind}.${id}`]);
};

const read = new WeakMap<SqlRunner, Set<string>>();

/**
 * Whether this transaction has re-read the item already (and notes that it does now). The events of
 * one delivery all committed before it began (a product's creation publishes several), so the
 * first read saw every one of them; reading again would write the same rows.
 */
export const alreadyRead = (tx: SqlRunner, kind: 'product' | 'node', id: string): boolean => {
  const seen = read.get(tx) ?? new Set<string>();
  read.set(tx, seen);
  const key = `${kind}:${id}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
};

/** Locales the tenant shows an item in: its supported locales plus any locale the item has a text in. */
export const rowLocales = (supported: readonly string[], textLocales: readonly string[]): string[] =>
  [...new Set([...supported, ...textLocales])].sort();

/** The text for a locale: the locale's own, else the default locale's, else the first there is. */
export const pickText = <T extends { readonly locale: string }>(
  texts: readonly T[],
  locale: string,
  defaultLocale: string,
): T | undefined => texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === defaultLocale) ?? texts[0];

/** The tenant's locales (the one set every module reads). */
export type { TenantLocales } from '@rustok/kernel';
