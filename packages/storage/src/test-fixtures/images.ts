// Small images made by sharp for the sniffing and variant tests.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

type Format = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

/** A `width × height` image of a colour gradient in the given format (gradients make real pixel data to encode). */
export const image = async (format: Format, width = 64, height = 48): Promise<Buffer> => {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([(i % width) * 4, Math.floor(i / width) * 5, 128], i * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
};

/** A JPEG carrying EXIF: a camera, a copyright and a GPS position, and optionally an orientation. */
export const jpegWithExif = async (width: number, height: number, orientation?: number): Promise<Buffer> => {
  const jpeg = sharp(await image('jpeg', width, height)).withExif({
    IFD0: { Make: 'TestCam', Copyright: 'A. Photographer' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 40/1' },
  });
  return (orientation ? jpeg.withMetadata({ orientation }) : jpeg).toBuffer();
};

/** A PNG whose header announces `width × height` pixels over a few bytes of data: a decompression bomb's shape. */
export const pngBomb = (width: number, height: number): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
