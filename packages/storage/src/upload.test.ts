import { describe, expect, it } from 'vitest';
import { image } from './test-fixtures/images.js';
import { checkUpload } from './upload.js';

const MB = 1024 * 1024;
const html = Buffer.from('<!doctype html><html><script>document.cookie</script></html>');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

describe('checkUpload', () => {
  it('accepts an image that is what it says, named after its real type', async () => {
    const png = await image('png');
    expect(await checkUpload({ bytes: png, declaredType: 'image/png', fileName: 'shot.PNG', maxBytes: MB })).toEqual({
      ok: true,
      type: 'image/png',
      ext: 'png',
    });
    const jpeg = await image('jpeg');
    expect(await checkUpload({ bytes: jpeg, declaredType: 'Image/JPG', fileName: 'IMG_0001.jpeg', maxBytes: MB })).toEqual({
      ok: true,
      type: 'image/jpeg',
      ext: 'jpg',
    });
    expect(await checkUpload({ bytes: jpeg, declaredType: 'application/octet-stream', fileName: 'upload', maxBytes: MB })).toMatchObject({
      ok: true,
      type: 'image/jpeg',
    });
  });

  it('refuses a file lying about its type: by declaration or by name', async () => {
    const png = await image('png');
    expect(await checkUpload({ bytes: png, declaredType: 'image/jpeg', fileName: 'x.jpg', maxBytes: MB })).toEqual({
      ok: false,
      reason: 'type_mismatch',
      detected: 'image/png',
    });
    expect(await checkUpload({ bytes: png, declaredType: 'image/png', fileName: 'x.jpg', maxBytes: MB })).toMatchObject({
      ok: false,
      reason: 'type_mismatch',
    });
    expect(await checkUpload({ bytes: png, fileName: 'x.html', maxBytes: MB })).toMatchObject({ ok: false, reason: 'type_mismatch' });
    expect(await checkUpload({ bytes: html, declaredType: 'image/png', fileName: 'x.png', maxBytes: MB })).toEqual({
      ok: false,
      reason: 'type_mismatch',
      detected: 'text/html',
    });
    expect(await checkUpload({ bytes: Buffer.from('plain words'), declaredType: 'image/png', maxBytes: MB })).toMatchObject({
      ok: false,
      reason: 'type_mismatch',
    });
    expect(await checkUpload({ bytes: Buffer.from('plain words'), fileName: 'notes.svg', maxBytes: MB })).toMatchObject({
      ok: false,
      reason: 'type_mismatch',
    });
  });

  it('refuses markup even when it is honest, and SVG unless allowed', async () => {
    expect(await checkUpload({ bytes: html, declaredType: 'text/html', fileName: 'page.html', maxBytes: MB })).toEqual({
      ok: false,
      reason: 'type_not_allowed',
      detected: 'text/html',
    });
    expect(await checkUpload({ bytes: svg, declaredType: 'image/svg+xml', fileName: 'logo.svg', maxBytes: MB })).toMatchObject({
      ok: false,
      reason: 'type_not_allowed',
    });
    expect(
      await checkUpload({ bytes: svg, declaredType: 'image/svg+xml', fileName: 'logo.svg', maxBytes: MB, allowedTypes: ['image/svg+xml'] }),
    ).toEqual({ ok: true, type: 'image/svg+xml', ext: 'svg' });
  });

  it('refuses a real type outside the allowed ones, and bytes of no known type', async () => {
    const gif = await image('gif');
    expect(await checkUpload({ bytes: gif, declaredType: 'image/gif', maxBytes: MB, allowedTypes: ['image/png'] })).toEqual({
      ok: false,
      reason: 'type_not_allowed',
      detected: 'image/gif',
    });
    expect(await checkUpload({ bytes: Buffer.from([0, 1, 2, 3, 250, 251]), maxBytes: MB })).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    });
  });

  it('tells CSV from plain text by the declaration or the name', async () => {
    const csv = Buffer.from('sku,qty\nA-1,3\n');
    expect(await checkUpload({ bytes: csv, declaredType: 'text/csv', fileName: 'stock.csv', maxBytes: MB })).toEqual({
      ok: true,
      type: 'text/csv',
      ext: 'csv',
    });
    expect(await checkUpload({ bytes: csv, fileName: 'stock.csv', maxBytes: MB })).toEqual({ ok: true, type: 'text/csv', ext: 'csv' });
    expect(await checkUpload({ bytes: csv, declaredType: 'text/plain; charset=utf-8', fileName: 'stock.txt', maxBytes: MB })).toEqual({
      ok: true,
      type: 'text/plain',
      ext: 'txt',
    });
    expect(await checkUpload({ bytes: csv, declaredType: 'text/markdown', maxBytes: MB })).toEqual({
      ok: false,
      reason: 'type_not_allowed',
      detected: 'text/markdown',
    });
  });

  it('refuses an empty file and one over the limit, judged by the whole size', async () => {
    const png = await image('png');
    expect(await checkUpload({ bytes: Buffer.alloc(0), maxBytes: MB })).toEqual({ ok: false, reason: 'empty' });
    expect(await checkUpload({ bytes: png, maxBytes: png.length - 1 })).toEqual({ ok: false, reason: 'too_large' });
    expect(await checkUpload({ bytes: png, maxBytes: png.length })).toMatchObject({ ok: true });
    expect(await checkUpload({ bytes: png.subarray(0, 100), size: 5 * MB, maxBytes: MB })).toEqual({ ok: false, reason: 'too_large' });
    expect(await checkUpload({ bytes: png.subarray(0, 100), size: MB, maxBytes: MB })).toMatchObject({ ok: true, type: 'image/png' });
  });
});
