import type { StoreProduct } from '@rustok/index/contracts';
import type { CatalogTexts } from '../../i18n/catalog.js';
import { ResponsiveImage } from '../responsive-image.js';

/** The size every gallery image is laid out at (square, scaled by CSS), so nothing moves as it loads. */
export const MAIN_SIZE = 720;
export const THUMB_SIZE = 120;
const MAIN_BOX = { width: MAIN_SIZE, height: MAIN_SIZE };
const THUMB_BOX = { width: THUMB_SIZE, height: THUMB_SIZE };
/** The main image fills the product's first column (the whole width on a phone). */
const MAIN_SIZES = `(max-width: 48rem) 100vw, ${MAIN_SIZE}px`;

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
      <ResponsiveImage
        class="gallery-main"
        image={first}
        alt={first.alt ?? product.title}
        sizes={MAIN_SIZES}
        box={MAIN_BOX}
        eager
        priority
      />
      {rest.length > 0 ? (
        <ul class="gallery-thumbs">
          {rest.map((image) => (
            <li>
              <a href={image.url}>
                <ResponsiveImage image={image} alt={image.alt ?? product.title} sizes={`${THUMB_SIZE}px`} box={THUMB_BOX} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
};
