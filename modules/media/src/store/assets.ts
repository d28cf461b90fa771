import type { Tx } from '@rustok/db';
import type { AssetKind, AssetList, MediaAsset } from '../schemas.js';

/** A stored size of an image, as `media_assets.variants` keeps it. */
export interface StoredVariant {
  readonly name: string;
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly size: number;
  readonly contentType: string;
}

/** The SQL of `media_assets`, always in a tenant transaction (row-level security keeps it in the tenant). */
export type AssetRow = {
  id: string;
  key: string;
  file_name: string;
  content_type: string;
  size: string | number;
  width: number | null;
  height: number | null;
  alt: string | null;
  variants: StoredVariant[];
  created_by: string | null;
  created_at: Date | string;
};

const TABLE = 'media_assets';

/** The URL of an asset's file, or of one of its variants: immutable, as the bytes behind an id never change. */
export const fileUrl = (assetId: string, variant?: string): string =>
  `/api/v1/media/${assetId}/file${variant === undefined ? '' : `?variant=${variant}`}`;

export const toAsset = (row: AssetRow): MediaAsset => ({
  id: row.id,
  fileName: row.file_name,
  contentType: row.content_type,
  size: Number(row.size),
  width: row.width,
  height: row.height,
  alt: row.alt,
  url: fileUrl(row.id),
  variants: row.variants.map((v) => ({
    name: v.name,
    width: v.width,
    height: v.height,
    size: v.size,
    contentType: v.contentType,
    url: fileUrl(row.id, v.name),
  })),
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
});

export interface NewAsset {
  readonly id: string;
  readonly key: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly alt: string | null;
  readonly variants: readonly StoredVariant[];
  readonly createdBy: string | null;
}

export const insertAsset = async (tx: Tx, a: NewAsset): Promise<AssetRow> => {
  const { rows } = await tx.query<AssetRow>(
    `INSERT INTO ${TABLE} (id, key, file_name, content_type, size, width, height, alt, variants, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [a.id, a.key, a.fileName, a.contentType, a.size, a.width, a.height, a.alt, JSON.stringify(a.variants), a.createdBy],
  );
  return rows[0] as AssetRow;
};

export const loadAsset = async (tx: Tx, id: string, forUpdate = false): Promise<AssetRow | undefined> => {
  const { rows } = await tx.query<AssetRow>(`SELECT * FROM ${TABLE} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
};

export const updateAlt = async (tx: Tx, id: string, alt: string | null): Promise<AssetRow> => {
  const { rows } = await tx.query<AssetRow>(`UPDATE ${TABLE} SET alt = $2 WHERE id = $1 RETURNING *`, [id, alt]);
  return rows[0] as AssetRow;
};

export const deleteAssetRow = async (tx: Tx, id: string): Promise<void> => {
  await tx.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]);
};

const KIND_SQL: Record<AssetKind, string> = {
  image: "content_type LIKE 'image/%'",
  document: "content_type NOT LIKE 'image/%'",
};

/** Newest first (ids sort by creation time); `cursor` is the last id of the previous page. */
export const selectAssets = async (tx: Tx, limit: number, cursor?: string, kind?: AssetKind): Promise<AssetList> => {
  const where: string[] = kind === undefined ? [] : [KIND_SQL[kind]];
  const params: unknown[] = [limit + 1];
  if (cursor !== undefined) {
    params.push(cursor);
    where.push('id < $2');
  }
  const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const { rows } = await tx.query<AssetRow>(`SELECT * FROM ${TABLE} ${clause} ORDER BY id DESC LIMIT $1`, params);
  const items = rows.slice(0, limit).map(toAsset);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
};
