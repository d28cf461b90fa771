import type { Metadata, Sharp, default as SharpFactory } from 'sharp';

/** sharp (libvips, some 30 MB of a process) loads with the first image, not at start. */
let sharpLoaded: Promise<typeof SharpFactory> | undefined;
const loadSharp = (): Promise<typeof SharpFactory> => {
  sharpLoaded ??= import('sharp').then((m) => m.default);
  return sharpLoaded;
};

/** One size to make: a bounding box, `height` unbounded when absent. The image fits inside, never enlarged. */
export interface VariantSpec {
  name: string;
  width: number;
  height?: number;
}

export const DEFAULT_VARIANTS = [
  { name: 'thumb', width: 160 },
  { name: 'small', width: 480 },
  { name: 'medium', width: 960 },
  { name: 'large', width: 1600 },
] as const satisfies readonly VariantSpec[];

/** Pixels a source may have (width × height) before it is refused: 40 megapixels, a 7,300 × 5,500 photo. */
export const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;

export interface VariantOptions {
  /** Encoder quality, 1..100 (default 80). */
  quality?: number;
  /** Also make each size in the source's own format (JPEG, PNG, GIF, WebP, AVIF; others get WebP only). */
  keepOriginalFormat?: boolean;
  /** Keep EXIF, XMP, IPTC and ICC (default: stripped; location and camera data must not leak). */
  keepMetadata?: boolean;
  maxInputPixels?: number;
}

export interface ImageVariant {
  name: string;
  format: OutputFormat;
  contentType: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export type VariantsResult =
  | { ok: true; source: { format: string; width: number; height: number }; variants: ImageVariant[] }
  | { ok: false; reason: 'not_an_image' | 'too_many_pixels' };

type OutputFormat = 'webp' | 'jpeg' | 'png' | 'gif' | 'avif';
const ENCODERS: Record<OutputFormat, (image: Sharp, quality: number) => Sharp> = {
  webp: (image, quality) => image.webp({ quality }),
  jpeg: (image, quality) => image.jpeg({ quality, mozjpeg: true }),
  png: (image) => image.png(),
  gif: (image) => image.gif(),
  avif: (image, quality) => image.avif({ quality }),
};
const isOutputFormat = (format: string): format is OutputFormat => Object.hasOwn(ENCODERS, format);

/**
 * Resized copies of an image (`sharp`): WebP for every spec, and the source's format too when asked. The source is
 * turned upright by its EXIF orientation, its metadata dropped unless kept. A source whose header announces more
 * pixels than allowed is refused before any decoding (a decompression bomb), and the decoder enforces the same limit.
 */
export const createVariants = async (
  input: Buffer,
  specs: readonly VariantSpec[],
  options: VariantOptions = {},
): Promise<VariantsResult> => {
  const maxPixels = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  const sharp = await loadSharp();
  // The header alone, no pixels decoded; sharp's own limit is off here so that an oversized image is told from a broken one.
  const meta = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const source = meta && uprightSize(meta);
  if (!meta?.format || !source) return { ok: false, reason: 'not_an_image' };
  if (source.width * source.height > maxPixels) return { ok: false, reason: 'too_many_pixels' };
  const base = sharp(input, { limitInputPixels: maxPixels, failOn: 'error' }).autoOrient();
  if (options.keepMetadata) base.keepMetadata();
  const formats: OutputFormat[] = ['webp'];
  if (options.keepOriginalFormat && meta.format !== 'webp' && isOutputFormat(meta.format)) formats.push(meta.format);
  const jobs = specs.flatMap((spec) => formats.map((format) => render(base, spec, format, options.quality ?? 80)));
  try {
    return { ok: true, source: { format: meta.format, ...source }, variants: await Promise.all(jobs) };
  } catch {
    // The header read well but the pixels do not decode (a truncated or corrupt file).
    return { ok: false, reason: 'not_an_image' };
  }
};

const render = async (base: Sharp, spec: VariantSpec, format: OutputFormat, quality: number): Promise<ImageVariant> => {
  const resized = base.clone().resize({ width: spec.width, height: spec.height, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await ENCODERS[format](resized, quality).toBuffer({ resolveWithObject: true });
  return { name: spec.name, format, contentType: `image/${format}`, width: info.width, height: info.height, bytes: data };
};

/** Width and height once the EXIF orientation is applied (a portrait photo stored sideways is taller than wide). */
const uprightSize = (meta: Metadata): { width: number; height: number } | undefined => {
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  return width && height ? { width, height } : undefined;
};
