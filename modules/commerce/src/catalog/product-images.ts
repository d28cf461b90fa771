import type { SqlRunner } from '@rustok/kernel';
import { mediaImagesOf } from '@rustok/media/contracts';
import type { CreateProductInput } from '../schemas/catalog.js';
import { fieldErrors } from './validate.js';

type Image = NonNullable<CreateProductInput['images']>[number];

const mediaIdsOf = (images: readonly Image[]): string[] => [
  ...new Set(images.flatMap((i) => (typeof i !== 'string' && i.mediaId !== undefined ? [i.mediaId] : []))),
];

/**
 * The images with each `mediaId` resolved through the media module's contracts to the asset's
 * immutable URL (and its alternative text unless one is given). 422 VALIDATION_FAILED for an image
 * with both a url and a mediaId or neither, and for an id that is no image asset of the tenant
 * (or when the deployment has no media module).
 */
export const resolveProductImages = async (tx: SqlRunner, images: readonly Image[] | undefined): Promise<Image[] | undefined> => {
  if (images === undefined) return undefined;
  const errors = fieldErrors();
  images.forEach((image, i) => {
    if (typeof image !== 'string' && (image.url === undefined) === (image.mediaId === undefined)) {
      errors.add(`/images/${i}`, 'must have either a url or a mediaId');
    }
  });
  errors.throwIfAny();
  const found = await mediaImagesOf(tx, mediaIdsOf(images));
  const resolved = images.map((image, i): Image => {
    if (typeof image === 'string' || image.mediaId === undefined) return image;
    const asset = found.get(image.mediaId);
    if (!asset) {
      errors.add(`/images/${i}/mediaId`, 'is not an image of this shop’s media');
      return image;
    }
    return { url: asset.url, mediaId: asset.id, alt: image.alt === undefined ? asset.alt : image.alt };
  });
  errors.throwIfAny();
  return resolved;
};
