import { analyzeWritten } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import type { IndexKind } from '../events.js';

const TABLE_OF: Record<IndexKind, string> = { products: 'index_products', content: 'index_content' };

/**
 * After a rebuild: ANALYZE the read-model tables it rewrote a good part of (more rows than
 * autovacuum would wait for), so the storefront's statements are planned for what is there now.
 */
export const analyzeRebuilt = (
  runner: SqlRunner,
  reports: readonly { readonly kind: IndexKind; readonly items: number; readonly purged: number }[],
): Promise<string[]> => analyzeWritten(runner, new Map(reports.map((r) => [TABLE_OF[r.kind], r.items + r.purged])));
