import { parseInput } from '@rustok/kernel';

import { Type } from '@sinclair/typebox';

import { type ContentContext, inTenant, requirePermission } from '../context.js';
import { iso, loadNode } from '../node-store.js';

import type { ContentRevision, Paged } from '../schemas.js';

interface RevisionRow {
  id: string;
  node_id: string;
  number: number;
  action: string;
  author_id: string | null;
  created_at: Date | string;
  snapshot: Record<string, unknown>;
  [key: string]: unknown;
}

const Query = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100 }), cursor: Type.Optional(Type.Integer({ minimum: 1 })) });

const toRevision = (row: RevisionRow): ContentRevision => ({
  id: row.id,
  nodeId: row.node_id,
  number: row.number,
  action: row.action,
  authorId: row.author_id,
  createdAt: iso(row.created_at) ?? '',
  snapshot: row.snapshot,
});

/** GET /content/nodes/{id}/revisions: newest first; the cursor is the last revision number seen. */
export const listRevisions = (
  ctx: ContentContext,
  nodeId: string,
  page: { limit?: number; cursor?: string } = {},
): Promise<Paged<ContentRevision>> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, 'content.nodes.read');
    const cursor = page.cursor === undefined ? undefined : Number.parseInt(page.cursor, 10);
    const { limit } = parseInput(Query, { limit: page.limit ?? 20, ...(cursor === undefined ? {} : { cursor }) });
    await loadNode(w.tx, nodeId);
    const { rows } = await w.tx.query<RevisionRow>(
      `SELECT id, node_id, number, action, author_id, created_at, snapshot FROM content_revisions
        WHERE node_id = $1 AND ($2::int IS NULL OR number < $2) ORDER BY number DESC LIMIT ${limit + 1}`,
      [nodeId, cursor ?? null],
    );
    const items = rows.slice(0, limit).map(toRevision);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]?.number ?? '') : null };
  });
