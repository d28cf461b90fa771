import type { StoreImage } from '@rustok/index/contracts';

/** An image as the pages show it: an address, and for a media library image its size and WebP variants. */
export type ShownImage = Pick<StoreImage, 'url' | 'alt' | 'width' | 'height' | 'srcset'>;

interface Props {
  readonly image: ShownImage;
  readonly alt: string;
  /** The `sizes` attribute: how wide the image is laid out (e.g. `(max-width: 48rem) 100vw, 720px`). */
  readonly sizes: string;
  /** The box it is laid out in when the image's own size is unknown (a bare address). */
  readonly box: { readonly width: number; readonly height: number };
  /** Above the fold: loaded at once (and first when `priority`); below it: lazily. */
  readonly eager?: boolean;
  readonly priority?: boolean;
  readonly class?: string;
}

/** The narrowest variant at least `width` wide (else the widest): the `src` for browsers without srcset. */
const fallbackOf = (srcset: NonNullable<ShownImage['srcset']>, width: number) => srcset.find((s) => s.width >= width) ?? srcset.at(-1);

/**
 * `<img>` with `srcset`/`sizes` from the variants of a media library image and its own
 * `width`/`height` (so nothing moves as it loads); a bare address keeps its box's size. Decoded off
 * the main thread; lazy unless above the fold.
 */
export const ResponsiveImage = ({ image, alt, sizes, box, eager = false, priority = false, class: cls }: Props) => {
  const variants = image.srcset && image.srcset.length > 0 ? image.srcset : undefined;
  const src = variants ? (fallbackOf(variants, box.width)?.url ?? image.url) : image.url;
  const known = image.width !== undefined && image.height !== undefined;
  return (
    <img
      class={cls}
      src={src}
      srcset={variants ? variants.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined}
      sizes={variants ? sizes : undefined}
      alt={alt}
      width={known ? image.width : box.width}
      height={known ? image.height : box.height}
      loading={eager ? undefined : 'lazy'}
      decoding="async"
      fetchpriority={priority ? 'high' : undefined}
    />
  );
};

const isSize = (v: unknown): v is { url: string; width: number; height: number } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { url?: unknown }).url === 'string' &&
  Number.isInteger((v as { width?: unknown }).width);

/**
 * A block's image of the media library as the pages API stores it (`mediaId`, and the server's
 * `url`, `width`, `height` and `srcset`), or undefined for a bare address.
 */
export const mediaImageOf = (data: Readonly<Record<string, unknown>>): ShownImage | undefined => {
  const { mediaId, url, width, height, srcset } = data;
  if (typeof mediaId !== 'string' || typeof url !== 'string' || !url.startsWith('/api/v1/media/')) return undefined;
  if (!Number.isInteger(width) || !Number.isInteger(height) || !Array.isArray(srcset)) return undefined;
  return { url, alt: null, width: width as number, height: height as number, srcset: srcset.filter(isSize) };
};
