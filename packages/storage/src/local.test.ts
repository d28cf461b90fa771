import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage, resolveInside } from './local.js';
import type { StoragePort } from './port.js';
import { readAll, storageContract } from './test-fixtures/contract.js';

let root: string;
let storage: StoragePort;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rustok-storage-'));
  storage = createLocalStorage({ root });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('local driver: the port contract', () => storageContract(() => storage));

describe('local driver', () => {
  it('keeps each object as a file with its type beside it, and no staged file behind', async () => {
    await storage.put('t5/photos/p.jpg', Buffer.from('jpeg bytes'), { contentType: 'image/jpeg' });
    expect(await readFile(join(root, 'objects/t5/photos/p.jpg'), 'utf8')).toBe('jpeg bytes');
    expect(JSON.parse(await readFile(join(root, 'meta/t5/photos/p.jpg.json'), 'utf8'))).toMatchObject({ contentType: 'image/jpeg' });
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('removes the folders a delete leaves empty', async () => {
    await storage.put('t6/a/b/c.txt', Buffer.from('x'), { contentType: 'text/plain' });
    await storage.put('t6/a/keep.txt', Buffer.from('y'), { contentType: 'text/plain' });
    await storage.delete('t6/a/b/c.txt');
    expect(await readdir(join(root, 'objects/t6/a'))).toEqual(['keep.txt']);
    expect(await readdir(join(root, 'meta/t6/a'))).toEqual(['keep.txt.json']);
  });

  it('finds nothing below an object or at a folder', async () => {
    await storage.put('t7/file', Buffer.from('x'), { contentType: 'text/plain' });
    await storage.put('t7/dir/inner', Buffer.from('y'), { contentType: 'text/plain' });
    expect(await storage.get('t7/file/below')).toBeNull();
    expect(await storage.get('t7/dir')).toBeNull();
    expect(await storage.head('t7/dir')).toBeNull();
    expect((await storage.list('t7/file/')).items).toEqual([]);
  });

  it('gives an object put under a new storage on the same root (nothing lives in memory)', async () => {
    await storage.put('t8/x.txt', Buffer.from('persisted'), { contentType: 'text/plain' });
    expect((await readAll(createLocalStorage({ root }), 't8/x.txt'))?.toString()).toBe('persisted');
  });

  it('cannot presign an upload', async () => {
    expect(await storage.presignPut('t1/x.png', { contentType: 'image/png', contentLength: 10 })).toBeNull();
  });

  it('confines a path to its root even for a key no check has seen', () => {
    expect(resolveInside('/srv/data', 'a/b')).toBe('/srv/data/a/b');
    for (const key of ['..', '../x', 'a/../../x', '/etc/passwd', '', '.']) {
      expect(() => resolveInside('/srv/data', key), key).toThrow(/escapes/);
    }
  });
});

describe('local driver: order', () => {
  it('lists in byte order across folders, as S3 does', async () => {
    for (const key of ['t4/m/a', 't4/m-b', 't4/m/c']) await storage.put(key, Buffer.from('x'), { contentType: 'text/plain' });
    expect((await storage.list('t4/')).items.map((item) => item.key)).toEqual(['t4/m-b', 't4/m/a', 't4/m/c']);
  });
});
