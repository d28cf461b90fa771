// What every driver of the storage port must do, run against each driver by its own test file.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { InvalidKey } from '../key.js';
import type { StoragePort } from '../port.js';

/** The whole object's bytes, or undefined when it is absent. */
export const readAll = async (storage: StoragePort, key: string): Promise<Buffer | undefined> => {
  const object = await storage.get(key);
  return object ? buffer(object.body) : undefined;
};

const chunksOf = (bytes: Buffer, size: number): Readable =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

export const storageContract = (storage: () => StoragePort): void => {
  it('stores a buffer and gives the same bytes, size and type back', async () => {
    const bytes = randomBytes(10_000);
    const put = await storage().put('t1/docs/a.bin', bytes, { contentType: 'application/pdf' });
    expect(put).toMatchObject({ key: 't1/docs/a.bin', size: 10_000 });
    const object = await storage().get('t1/docs/a.bin');
    expect(object).toMatchObject({ size: 10_000, contentType: 'application/pdf', etag: put.etag });
    expect(object && (await buffer(object.body))).toEqual(bytes);
    expect(await storage().head('t1/docs/a.bin')).toMatchObject({ size: 10_000, contentType: 'application/pdf', etag: put.etag });
  });

  it('stores a stream of many chunks and counts its bytes', async () => {
    const bytes = randomBytes(300_000);
    const put = await storage().put('t1/stream.bin', chunksOf(bytes, 16_384), { contentType: 'application/octet-stream' });
    expect(put.size).toBe(300_000);
    expect(await readAll(storage(), 't1/stream.bin')).toEqual(bytes);
  });

  it('replaces an object put again under the same key', async () => {
    await storage().put('t1/replace.txt', Buffer.from('first'), { contentType: 'text/plain' });
    await storage().put('t1/replace.txt', Buffer.from('second version'), { contentType: 'text/csv' });
    expect((await readAll(storage(), 't1/replace.txt'))?.toString()).toBe('second version');
    expect(await storage().head('t1/replace.txt')).toMatchObject({ size: 14, contentType: 'text/csv' });
  });

  it('says null for an absent object and deletes idempotently', async () => {
    expect(await storage().get('t1/nothing/here.png')).toBeNull();
    expect(await storage().head('t1/nothing/here.png')).toBeNull();
    await storage().put('t1/gone.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await storage().delete('t1/gone.txt');
    await storage().delete('t1/gone.txt');
    expect(await storage().get('t1/gone.txt')).toBeNull();
  });

  it('refuses a body whose length is not the declared one, storing nothing', async () => {
    await expect(
      storage().put('t1/short.bin', Buffer.alloc(10), { contentType: 'application/octet-stream', contentLength: 11 }),
    ).rejects.toThrow();
    await expect(
      storage().put('t1/short.bin', chunksOf(randomBytes(1000), 100), { contentType: 'x/y', contentLength: 999 }),
    ).rejects.toThrow();
    await expect(
      storage().put('t1/short.bin', chunksOf(randomBytes(1000), 100), { contentType: 'x/y', contentLength: 1001 }),
    ).rejects.toThrow();
    expect(await storage().head('t1/short.bin')).toBeNull();
  });

  it('lists keys under a prefix in order, a page at a time', async () => {
    const keys = ['t2/m/e', 't2/m/a', 't2/m/c/d', 't2/m/b', 't2/m-other', 't2/n/a', 't3/m/a'];
    for (const key of keys) await storage().put(key, Buffer.from(key), { contentType: 'text/plain' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await storage().list('t2/m/', { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.key));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(['t2/m/a', 't2/m/b', 't2/m/c/d', 't2/m/e']);
    // S3 orders by bytes ('-' before '/'); the S3 test server walks folders first, so only the set is compared here.
    const all = await storage().list('t2/m');
    expect(all.items.map((item) => item.key).sort()).toEqual(['t2/m-other', 't2/m/a', 't2/m/b', 't2/m/c/d', 't2/m/e']);
    expect(all.items.find((item) => item.key === 't2/m-other')).toMatchObject({ size: 't2/m-other'.length });
    expect(all.cursor).toBeUndefined();
    expect((await storage().list('t9/')).items).toEqual([]);
  });

  it('throws InvalidKey for a key that could leave its place', async () => {
    for (const key of ['', '../etc/passwd', 't1/../../x', '/abs', 't1//x', 't1/./x', 't1/x/', 't1/a b', 't1/ä', 'x'.repeat(513)]) {
      await expect(storage().put(key, Buffer.from('x'), { contentType: 'text/plain' }), key).rejects.toThrow(InvalidKey);
      await expect(storage().get(key), key).rejects.toThrow(InvalidKey);
    }
    await expect(storage().list('../')).rejects.toThrow(InvalidKey);
  });
};
