import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import type { Me } from '../api/auth.js';
import { mediaFileUrl } from '../api/media.js';
import { modulesQuery } from '../api/modules.js';
import { can } from '../api/permissions.js';
import { type ProductImage, productImagesQuery, setProductImages } from '../api/product-images.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { MediaPicker } from './media-picker.js';

const messages = defineMessages({
  en: {
    images: 'Images',
    none: 'No images.',
    remove: (n: number) => `Remove image ${n}`,
    removeShort: 'Remove',
    fromLibrary: 'Add from the media library',
    close: 'Close the library',
    save: 'Save images',
    saved: 'Images saved.',
    image: (n: number) => `Image ${n}`,
  },
  ru: {
    images: 'Изображения',
    none: 'Изображений нет.',
    remove: (n: number) => `Убрать изображение ${n}`,
    removeShort: 'Убрать',
    fromLibrary: 'Добавить из медиатеки',
    close: 'Закрыть медиатеку',
    save: 'Сохранить изображения',
    saved: 'Изображения сохранены.',
    image: (n: number) => `Изображение ${n}`,
  },
});

/** A library image by its small variant (the original when the deployment names no `thumb`), an address as it is. */
const ImageThumb = ({ image, label }: { readonly image: ProductImage; readonly label: string }) => (
  <img
    src={image.mediaId ? mediaFileUrl(image.mediaId, 'thumb') : image.url}
    alt={image.alt ?? label}
    width={96}
    height={96}
    loading="lazy"
    decoding="async"
    onError={(e) => {
      if (e.currentTarget.src !== new URL(image.url, window.location.href).href) e.currentTarget.src = image.url;
    }}
  />
);

const ImageList = ({
  images,
  onRemove,
}: {
  readonly images: readonly ProductImage[];
  readonly onRemove?: ((index: number) => void) | undefined;
}) => {
  const t = useMessages(messages);
  return (
    <ul className="media-grid">
      {images.map((image, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same image may be listed twice; its place is what tells them apart
        <li key={`${image.mediaId ?? image.url}-${i}`} className="media-card" data-media-id={image.mediaId ?? undefined}>
          <ImageThumb image={image} label={t.image(i + 1)} />
          {onRemove ? (
            <button type="button" aria-label={t.remove(i + 1)} onClick={() => onRemove(i)}>
              {t.removeShort}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
};

interface Props {
  readonly productId: string;
  readonly canWrite: boolean;
  readonly canUpload: boolean;
  readonly canReadMedia: boolean;
}

/** The product's images as thumbnails; images added from the media library (or uploaded there) and removed, then saved. */
export const ProductImages = ({ productId, canWrite, canUpload, canReadMedia }: Props) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { data: saved } = useSuspenseQuery(productImagesQuery(productId));
  const [draft, setDraft] = useState<readonly ProductImage[] | null>(null);
  const [picking, setPicking] = useState(false);
  const images = draft ?? saved;
  const save = useMutation({
    mutationFn: setProductImages,
    onSuccess: async () => {
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: ['commerce', 'product', productId] });
    },
  });
  const change = (next: readonly ProductImage[]) => {
    save.reset();
    setDraft(next);
  };
  return (
    <fieldset className="stack" data-testid="product-images">
      <legend>{t.images}</legend>
      {images.length === 0 ? <p>{t.none}</p> : null}
      <ImageList images={images} onRemove={canWrite ? (i) => change(images.filter((_, j) => j !== i)) : undefined} />
      {canWrite && canReadMedia ? (
        <p className="row">
          <button type="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
            {picking ? t.close : t.fromLibrary}
          </button>
        </p>
      ) : null}
      {picking ? (
        <Suspense fallback={null}>
          <MediaPicker
            canUpload={canUpload}
            onPick={(asset) => change([...images, { url: asset.url, alt: asset.alt, mediaId: asset.id }])}
          />
        </Suspense>
      ) : null}
      {canWrite && draft ? (
        <p className="row">
          <button type="button" disabled={save.isPending} onClick={() => save.mutate({ id: productId, images })}>
            {t.save}
          </button>
        </p>
      ) : null}
      {save.isSuccess && !draft ? <p role="status">{t.saved}</p> : null}
      {save.error ? <ErrorNotice error={save.error} /> : null}
    </fieldset>
  );
};

/**
 * The images section of a product: the library is offered while the media module is on (as the
 * menu knows it) and the user may read media; uploads need the right to manage it.
 */
export const ProductImagesSection = ({ productId, me }: { readonly productId: string; readonly me: Me }) => {
  const modules = useQuery({ ...modulesQuery, enabled: can(me, 'tenancy.modules.read') });
  const mediaOn = modules.data ? modules.data.some((m) => m.slug === 'media' && m.enabled) : !can(me, 'tenancy.modules.read');
  return (
    <Suspense fallback={null}>
      <ProductImages
        productId={productId}
        canWrite={can(me, 'commerce.products.write')}
        canReadMedia={mediaOn && can(me, 'media.assets.read')}
        canUpload={mediaOn && can(me, 'media.assets.manage')}
      />
    </Suspense>
  );
};
