import type { StoreProduct } from '@rustok/index/contracts';
import type { CatalogTexts } from '../../i18n/catalog.js';

/** The size every gallery image is laid out at (square, scaled by CSS), so nothing moves as it loads. */
export const MAIN_SIZE = 720;
export const THUMB_SIZE = 120;

/** The product's images: the first large, the others small; a placeholder of the same size when it has none. */
export const Gallery = ({ product, t }: { product: StoreProduct; t: CatalogTexts }) => {
  const [first, ...rest] = product.images;
  if (!first)
    return (
      <div class="gallery">
        <div class="gallery-placeholder" role="img" aria-label={t.noImage} />
      </div>
    );
  return (
    <section class="gallery" aria-label={t.gallery}>
      <img
        class="gallery-main"
        src={first.url}
        alt={first.alt ?? product.title}
        width={MAIN_SIZE}
        height={MAIN_SIZE}
        fetchpriority="high"
      />
      {rest.length > 0 ? (
        <ul class="gallery-thumbs">
          {rest.map((image) => (
            <li>
              <a href={image.url}>
                <img
                  src={image.url}
                  alt={image.alt ?? product.title}
                  width={THUMB_SIZE}
                  height={THUMB_SIZE}
                  loading="lazy"
                  decoding="async"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
};
