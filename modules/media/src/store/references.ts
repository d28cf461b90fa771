import type { SqlRunner } from '@rustok/kernel';
import { fileUrl, type StoredVariant } from './assets.js';

/** An image asset as another module shows it: its URLs, size and alternative text. */
export interface MediaImageRef {
  readonly id: string;
  /** The original file (immutable URL). */
  readonly url: string;
  /** Variant name → URL. */
  readonly variants: Readonly<Record<string, string>>;
  /** The variants with their sizes, narrowest first, one per width (for `srcset`). */
  readonly sizes: readonly MediaImageSize[];
  readonly width: number;
  readonly height: number;
  readonly alt: string | null;
}

/** One stored size of an image. */
export interface MediaImageSize {
  readonly name: string;
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

type Row = { id: string; width: number; height: number; alt: string | null; variants: StoredVariant[] };

/** The variants narrowest first, one per width (sizes larger than the image are all made at its own width). */
const sizesOf = (id: string, variants: readonly StoredVariant[]): MediaImageSize[] => {
  const byWidth = new Map<number, MediaImageSize>();
  for (const v of [...variants].sort((a, b) => a.width - b.width)) {
    if (!byWidth.has(v.width)) byWidth.set(v.width, { name: v.name, url: fileUrl(id, v.name), width: v.width, height: v.height });
  }
  return [...byWidth.values()];
};

/**
 * The image assets among `ids`, of the transaction's tenant (row-level security scopes the read);
 * an id that is no image of the tenant is absent from the map. A deployment built without media has none.
 */
export const mediaImagesOf = async (tx: SqlRunner, ids: readonly string[]): Promise<Map<string, MediaImageRef>> => {
  if (ids.length === 0) return new Map();
  const { rows: table } = await tx.query<{ t: string | null }>("SELECT to_regclass('media_assets')::text AS t");
  if (!table[0]?.t) return new Map();
  const { rows } = await tx.query<Row>(
    "SELECT id, width, height, alt, variants FROM media_assets WHERE id = ANY($1::uuid[]) AND content_type LIKE 'image/%'",
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        url: fileUrl(r.id),
        variants: Object.fromEntries(r.variants.map((v) => [v.name, fileUrl(r.id, v.name)])),
        sizes: sizesOf(r.id, r.variants),
        width: r.width,
        height: r.height,
        alt: r.alt,
      },
    ]),
  );
};
