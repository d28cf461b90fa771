import type { SqlRunner } from '@rustok/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which of the given ids are content nodes of the transaction's tenant (row-level security scopes the
 * read), in any kind and status. A text that is not a UUID names no node.
 */
export const existingNodeIds = async (tx: SqlRunner, ids: readonly string[]): Promise<Set<string>> => {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return new Set();
  // A platform assembled without content (some test platforms) has no nodes.
  const { rows: table } = await tx.query<{ t: string | null }>("SELECT to_regclass('content_nodes')::text AS t");
  if (!table[0]?.t) return new Set();
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM content_nodes WHERE id = ANY($1::uuid[])', [wanted]);
  return new Set(rows.map((r) => r.id));
};

/** A content node of the transaction's tenant: its kind and whether it is published (undefined: none). */
export const nodeFacts = async (tx: SqlRunner, id: string): Promise<{ kind: string; published: boolean } | undefined> => {
  if (!UUID.test(id)) return undefined;
  const { rows: table } = await tx.query<{ t: string | null }>("SELECT to_regclass('content_nodes')::text AS t");
  if (!table[0]?.t) return undefined;
  const { rows } = await tx.query<{ kind: string; published: boolean }>(
    "SELECT kind, status = 'published' AS published FROM content_nodes WHERE id = $1",
    [id],
  );
  return rows[0];
};
