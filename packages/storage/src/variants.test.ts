import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff.js';
import { image, jpegWithExif, pngBomb } from './test-fixtures/images.js';
import { createVariants, DEFAULT_VARIANTS, type VariantsResult } from './variants.js';

const variantsOf = (result: VariantsResult) => {
  if (!result.ok) throw new Error(`no variants: ${result.reason}`);
  return result.variants;
};

describe('createVariants', () => {
  it('makes a WebP per size, fitted inside its width', async () => {
    const result = await createVariants(await image('jpeg', 2000, 1000), DEFAULT_VARIANTS);
    expect(result).toMatchObject({ ok: true, source: { format: 'jpeg', width: 2000, height: 1000 } });
    const variants = variantsOf(result);
    expect(variants.map(({ name, width, height, format }) => ({ name, width, height, format }))).toEqual([
      { name: 'thumb', width: 160, height: 80, format: 'webp' },
      { name: 'small', width: 480, height: 240, format: 'webp' },
      { name: 'medium', width: 960, height: 480, format: 'webp' },
      { name: 'large', width: 1600, height: 800, format: 'webp' },
    ]);
    for (const variant of variants) {
      expect(await sniffType(variant.bytes)).toMatchObject({ type: 'image/webp' });
      expect(await sharp(variant.bytes).metadata()).toMatchObject({ format: 'webp', width: variant.width, height: variant.height });
    }
  });

  it('never enlarges, and fits a bounding box when a height is given', async () => {
    const variants = variantsOf(
      await createVariants(await image('png', 300, 200), [
        { name: 'large', width: 1600 },
        { name: 'box', width: 100, height: 100 },
      ]),
    );
    expect(variants.map(({ width, height }) => [width, height])).toEqual([
      [300, 200],
      [100, 67],
    ]);
  });

  it('keeps the source format beside WebP when asked', async () => {
    const variants = variantsOf(
      await createVariants(await image('png', 400, 400), [{ name: 'thumb', width: 160 }], { keepOriginalFormat: true }),
    );
    expect(variants.map(({ format, contentType, width }) => [format, contentType, width])).toEqual([
      ['webp', 'image/webp', 160],
      ['png', 'image/png', 160],
    ]);
    expect(await sniffType(variants[1]?.bytes ?? Buffer.alloc(0))).toMatchObject({ type: 'image/png' });
  });

  it('drops EXIF (camera, GPS) unless told to keep it', async () => {
    const photo = await jpegWithExif(800, 600);
    const exif = (await sharp(photo).metadata()).exif;
    expect(exif?.includes('TestCam')).toBe(true);
    for (const variant of variantsOf(await createVariants(photo, DEFAULT_VARIANTS, { keepOriginalFormat: true }))) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.exif, variant.name).toBeUndefined();
      expect(variant.bytes.includes('TestCam'), variant.name).toBe(false);
    }
    const kept = variantsOf(await createVariants(photo, [{ name: 'thumb', width: 160 }], { keepMetadata: true }));
    expect((await sharp(kept[0]?.bytes).metadata()).exif?.includes('TestCam')).toBe(true);
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    const result = await createVariants(await jpegWithExif(400, 200, 6), [{ name: 'thumb', width: 160 }]);
    expect(result).toMatchObject({ ok: true, source: { width: 200, height: 400 } });
    expect(variantsOf(result).map(({ width, height }) => [width, height])).toEqual([[160, 320]]);
  });

  it('refuses a decompression bomb before decoding it, and more pixels than allowed', async () => {
    const started = Date.now();
    expect(await createVariants(pngBomb(60_000, 60_000), DEFAULT_VARIANTS)).toEqual({ ok: false, reason: 'too_many_pixels' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await createVariants(await image('png', 1000, 600), DEFAULT_VARIANTS, { maxInputPixels: 500_000 })).toEqual({
      ok: false,
      reason: 'too_many_pixels',
    });
  });

  it('says what is not an image, whole or truncated', async () => {
    expect(await createVariants(Buffer.from('not an image at all'), DEFAULT_VARIANTS)).toEqual({ ok: false, reason: 'not_an_image' });
    const jpeg = await image('jpeg', 600, 400);
    expect(await createVariants(jpeg.subarray(0, Math.floor(jpeg.length / 2)), DEFAULT_VARIANTS)).toEqual({
      ok: false,
      reason: 'not_an_image',
    });
  });
});
