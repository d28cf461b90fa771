import { type AppError, kernelErrors, type SqlRunner } from '@rustok/kernel';

const invalidRef = (path: string, detail: string): AppError =>
  kernelErrors.VALIDATION_FAILED(detail, { errors: [{ path, message: 'does not exist' }] });

/** A category of the tenant, or 422 (another tenant's is invisible, hence missing). */
export const assertCategory = async (tx: SqlRunner, id: string | null | undefined): Promise<void> => {
  if (!id) return;
  const { rows } = await tx.query('SELECT 1 FROM content_categories WHERE id = $1', [id]);
  if (rows.length === 0) throw invalidRef('categoryId', `No category ${id}`);
};

/** Replaces a node's tags; every tag must exist in the tenant. */
export const setTags = async (tx: SqlRunner, nodeId: string, tagIds: readonly string[]): Promise<void> => {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM content_tags WHERE id = ANY($1::uuid[])', [tagIds]);
  const found = new Set(rows.map((r) => r.id));
  const missing = tagIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw invalidRef('tagIds', `No tag ${missing.join(', ')}`);
  await tx.query('DELETE FROM content_node_tags WHERE node_id = $1', [nodeId]);
  if (tagIds.length > 0) {
    await tx.query('INSERT INTO content_node_tags (node_id, tag_id) SELECT $1, unnest($2::uuid[])', [nodeId, tagIds]);
  }
};
