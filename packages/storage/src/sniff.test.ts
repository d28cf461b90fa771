import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffType } from './sniff.js';
import { image } from './test-fixtures/images.js';

const text = (value: string) => Buffer.from(value, 'utf8');

describe('sniffType', () => {
  it('knows images by their signatures, whatever they are called', async () => {
    expect(await sniffType(await image('jpeg'))).toEqual({ type: 'image/jpeg', ext: 'jpg' });
    expect(await sniffType(await image('png'))).toEqual({ type: 'image/png', ext: 'png' });
    expect(await sniffType(await image('gif'))).toEqual({ type: 'image/gif', ext: 'gif' });
    expect(await sniffType(await image('webp'))).toEqual({ type: 'image/webp', ext: 'webp' });
    expect(await sniffType(await image('avif'))).toEqual({ type: 'image/avif', ext: 'avif' });
  });

  it('knows a PDF', async () => {
    expect(await sniffType(text('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'))).toEqual({ type: 'application/pdf', ext: 'pdf' });
  });

  it('tells markup that could run script from plain text', async () => {
    expect(
      await sniffType(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toMatchObject({ type: 'image/svg+xml' });
    expect(await sniffType(text('  <svg viewBox="0 0 1 1"></svg>'))).toMatchObject({ type: 'image/svg+xml' });
    expect(await sniffType(text('<!DOCTYPE html><html><body>hi</body></html>'))).toMatchObject({ type: 'text/html' });
    expect(await sniffType(text('\ufeff<p>hello</p>'))).toMatchObject({ type: 'text/html' });
    expect(await sniffType(text('just a note\nthen <script>steal()</script>'))).toMatchObject({ type: 'text/html' });
    expect(await sniffType(text('<?xml version="1.0"?><note>hi</note>'))).toMatchObject({ type: 'application/xml' });
    expect(await sniffType(text('name,price\nchair,12.50\n'))).toEqual({ type: 'text/plain', ext: 'txt' });
    expect(await sniffType(text('a < b and c > d, <b is not a tag here'))).toMatchObject({ type: 'text/plain' });
  });

  it('takes UTF-8 text cut in the middle of a character at the sniffing limit', async () => {
    const bytes = text(`a${'é'.repeat(SNIFF_BYTES)}`);
    expect(bytes.subarray(0, SNIFF_BYTES).at(-1)).toBe(0xc3);
    expect(await sniffType(bytes.subarray(0, SNIFF_BYTES + 1))).toMatchObject({ type: 'text/plain' });
  });

  it('recognises nothing in bytes that are neither a known format nor text', async () => {
    expect(await sniffType(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff, 0x10, 0x00]))).toBeUndefined();
    expect(await sniffType(text('text with a NUL\u0000 inside'))).toBeUndefined();
    expect(await sniffType(Buffer.from([0x41, 0xc3, 0x28, 0x42]))).toBeUndefined(); // invalid UTF-8
  });
});
