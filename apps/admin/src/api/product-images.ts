import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { gql } from './graphql.js';

/** A product image: an address, or an asset of the media library (then the URL is the asset's). */
export interface ProductImage {
  readonly url: string;
  readonly alt: string | null;
  readonly mediaId: string | null;
}

const ProductImagesDocument = graphql(`
  query ProductImages($id: ID!) {
    commerceProduct(id: $id) { id images { url alt mediaId } }
  }
`);

const SetProductImagesDocument = graphql(`
  mutation SetProductImages($id: ID!, $images: [CommerceProductImageInput!]!) {
    updateCommerceProduct(id: $id, input: { images: $images }) { id images { url alt mediaId } }
  }
`);

type Listed = { url?: string | null; alt?: string | null; mediaId?: string | null };

const toImages = (list: readonly Listed[] | null | undefined): ProductImage[] =>
  (list ?? []).map((i) => ({ url: i.url ?? '', alt: i.alt ?? null, mediaId: i.mediaId ?? null }));

export const productImagesQuery = (id: string) =>
  queryOptions({
    queryKey: ['commerce', 'product', id, 'images'],
    queryFn: async () => toImages((await gql(ProductImagesDocument, { id })).commerceProduct?.images),
  });

/** Replaces the product's images (a library image by its `mediaId`: the server resolves its URL). */
export const setProductImages = async ({ id, images }: { id: string; images: readonly ProductImage[] }) => {
  const input = images.map((i) => ({
    ...(i.mediaId ? { mediaId: i.mediaId } : { url: i.url }),
    ...(i.alt === null ? {} : { alt: i.alt }),
  }));
  return toImages((await gql(SetProductImagesDocument, { id, images: input })).updateCommerceProduct?.images);
};
