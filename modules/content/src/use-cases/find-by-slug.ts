import type { ContentTx } from '../context.js';
import { loadSettings } from '../settings.js';

export interface SlugLookup {
  readonly kind: string;
  readonly slug: string;
  /** The slug in this locale wins, then in the tenant's default locale, then in any locale. */
  readonly locale?: string;
  /** Only published nodes (for callers who may not see drafts). */
  readonly publishedOnly: boolean;
}

/**
 * For wrapper modules (pages): the id of the node of a kind with a slug, in the caller's
 * transaction (another tenant's nodes are not there), or null. Slugs are unique per kind and
 * locale, so the same slug can name different nodes in different locales; the requested locale wins.
 */
export const findNodeIdBySlugInTx = async (w: ContentTx, lookup: SlugLookup): Promise<string | null> => {
  const settings = await loadSettings(w.tx);
  const { rows } = await w.tx.query<{ node_id: string }>(
    `SELECT t.node_id FROM content_translations t JOIN content_nodes n ON n.id = t.node_id
      WHERE t.kind = $1 AND t.slug = $2 AND (NOT $5 OR n.status = 'published')
      ORDER BY CASE WHEN t.locale = $3 THEN 0 WHEN t.locale = $4 THEN 1 ELSE 2 END, t.locale, t.node_id
      LIMIT 1`,
    [lookup.kind, lookup.slug, lookup.locale ?? null, settings.defaultLocale, lookup.publishedOnly],
  );
  return rows[0]?.node_id ?? null;
};
