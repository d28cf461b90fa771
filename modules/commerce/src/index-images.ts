import type { SqlRunner } from '@rustok/kernel';
import { mediaImagesOf } from '@rustok/media/contracts';

/** One stored size of a media image, for a `srcset`. */
export interface ProductImageSize {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/**
 * A product image, in the product's order. An image of the media library also has its size and its
 * variants (narrowest first), as the asset has them when the product is read for the index.
 */
export interface ProductIndexImage {
  readonly url: string;
  readonly alt: string | null;
  readonly width?: number;
  readonly height?: number;
  readonly srcset?: readonly ProductImageSize[];
}

/** An image as `commerce_products.images` keeps it. */
export interface StoredImage {
  readonly url: string;
  readonly alt?: string | null;
  readonly mediaId?: string;
}

/**
 * The index images of several products' stored images: one read of the media contracts for all
 * the library images among them (none when no image names one). An asset gone since keeps its URL alone.
 */
export const indexImagesOf = async (tx: SqlRunner, lists: readonly (readonly StoredImage[])[]): Promise<ProductIndexImage[][]> => {
  const ids = [...new Set(lists.flatMap((list) => list.flatMap((i) => (i.mediaId ? [i.mediaId] : []))))];
  const assets = await mediaImagesOf(tx, ids);
  return lists.map((list) =>
    list.map((i) => {
      const asset = i.mediaId ? assets.get(i.mediaId) : undefined;
      const base = { url: i.url, alt: i.alt ?? null };
      if (!asset) return base;
      const srcset = asset.sizes.map((s) => ({ url: s.url, width: s.width, height: s.height }));
      return { ...base, width: asset.width, height: asset.height, srcset };
    }),
  );
};
