import { type AppError, kernelErrors, type SqlRunner } from '@rustok/kernel';
import { contentErrors } from './errors.js';
import type { ContentCategory } from './schemas.js';

export interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  slug: string;
  depth: number;
  position: number;
  [key: string]: unknown;
}

export const CATEGORY_COLUMNS = 'id, parent_id, name, slug, depth, position';
const MAX_CATEGORY_DEPTH = 16;

const categoryNotFound = (id: string): AppError => contentErrors.CONTENT_CATEGORY_NOT_FOUND(`No category ${id}`);

export const toCategory = (row: CategoryRow): ContentCategory => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  slug: row.slug,
  depth: row.depth,
  position: row.position,
});

export const loadCategory = async (tx: SqlRunner, id: string): Promise<CategoryRow> => {
  const { rows } = await tx.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM content_categories WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw categoryNotFound(id);
  return rows[0];
};

/** Depth below a parent (422 for a missing parent, a too deep tree, or a parent inside the category itself). */
export const depthUnder = async (tx: SqlRunner, parentId: string | null | undefined, self?: string): Promise<number> => {
  if (!parentId) return 0;
  const { rows } = await tx.query<{ id: string; depth: number }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, depth FROM content_categories WHERE id = $1
       UNION ALL SELECT c.id, c.parent_id, c.depth FROM content_categories c JOIN up ON c.id = up.parent_id
     ) SELECT id, depth FROM up`,
    [parentId],
  );
  const invalid = (message: string) => kernelErrors.VALIDATION_FAILED(`parentId ${message}`, { errors: [{ path: 'parentId', message }] });
  if (rows.length === 0) throw invalid('does not exist');
  if (self && rows.some((r) => r.id === self)) throw invalid('would make the category its own ancestor');
  const depth = (rows[0]?.depth ?? 0) + 1;
  if (depth > MAX_CATEGORY_DEPTH) throw invalid(`would nest deeper than ${MAX_CATEGORY_DEPTH} levels`);
  return depth;
};

/** A unique category slug: generated ones get a numbered suffix, requested ones must be free (409). */
export const freeCategorySlug = async (tx: SqlRunner, base: string, explicit: boolean, self?: string): Promise<string> => {
  const { rows } = await tx.query<{ slug: string }>(
    "SELECT slug FROM content_categories WHERE (slug = $1 OR slug LIKE $1 || '-%') AND id IS DISTINCT FROM $2",
    [base, self ?? null],
  );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  if (explicit) throw contentErrors.CONTENT_SLUG_TAKEN(`The category slug "${base}" is taken`);
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
};
