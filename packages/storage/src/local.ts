import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, assertPrefix, isValidKey } from './key.js';
import {
  type ListItem,
  type ListPage,
  type ObjectInfo,
  type PutOptions,
  type PutResult,
  pageSize,
  type StoragePort,
  type StoredObject,
} from './port.js';

export interface LocalStorageOptions {
  /** The directory holding everything (e.g. `<data dir>/storage`); created when missing. */
  root: string;
}

/** What the sidecar file beside an object keeps: the bytes' type and digest. */
interface Meta {
  contentType: string;
  etag: string;
}

const FALLBACK_TYPE = 'application/octet-stream';

/**
 * Files under `root`: the object `k` is the file `objects/k`, its content type and digest are `meta/k.json`, and
 * a put writes both into `tmp/` first and renames them into place, so a reader sees the old object or the new
 * one, never a part. Every path is resolved and checked to lie inside its tree, whatever the key checks said.
 * A key cannot be both an object and a folder of others (`a` and `a/b`): the second put throws.
 */
export const createLocalStorage = (options: LocalStorageOptions): StoragePort => {
  const root = resolve(options.root);
  const dirs: Layout = { objects: join(root, 'objects'), metas: join(root, 'meta'), tmp: join(root, 'tmp') };
  return {
    name: 'local',
    put: (key, body, putOptions) => putLocal(dirs, key, body, putOptions),
    get: (key) => getLocal(dirs, key),
    head: (key) => headLocal(dirs, key),
    delete: (key) => deleteLocal(dirs, key),
    list: async (prefix, listOptions) => listLocal(dirs.objects, assertPrefix(prefix), pageSize(listOptions?.limit), listOptions?.cursor),
    presignPut: async () => null,
  };
};

/** The three trees under the root: objects, their sidecars, and files being written. */
interface Layout {
  objects: string;
  metas: string;
  tmp: string;
}

const objectPath = (dirs: Layout, key: string): string => resolveInside(dirs.objects, assertKey(key));
const metaPath = (dirs: Layout, key: string): string => resolveInside(dirs.metas, `${assertKey(key)}.json`);

const putLocal = async (dirs: Layout, key: string, body: Buffer | Readable, options: PutOptions): Promise<PutResult> => {
  const target = objectPath(dirs, key);
  const metaTarget = metaPath(dirs, key);
  await mkdir(dirs.tmp, { recursive: true });
  const staged = join(dirs.tmp, randomUUID());
  try {
    const { size, etag } = await writeCounted(staged, body);
    if (options.contentLength !== undefined && options.contentLength !== size) {
      throw new Error(`storage put ${key}: ${size} bytes received, ${options.contentLength} declared`);
    }
    const meta: Meta = { contentType: options.contentType, etag };
    await writeFile(`${staged}.json`, JSON.stringify(meta));
    await moveInto(`${staged}.json`, metaTarget);
    await moveInto(staged, target);
    return { key, size, etag };
  } finally {
    await Promise.all([rm(staged, { force: true }), rm(`${staged}.json`, { force: true })]);
  }
};

const getLocal = async (dirs: Layout, key: string): Promise<StoredObject | null> => {
  const handle = await open(objectPath(dirs, key), 'r').catch(absentAsUndefined);
  if (!handle) return null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return null;
    }
    const meta = await readMeta(metaPath(dirs, key));
    const described = { key, size: info.size, lastModified: info.mtime, contentType: meta?.contentType ?? FALLBACK_TYPE, etag: meta?.etag };
    return { ...described, body: handle.createReadStream() };
  } catch (error) {
    await handle.close();
    throw error;
  }
};

const headLocal = async (dirs: Layout, key: string): Promise<ObjectInfo | null> => {
  const info = await fileStat(objectPath(dirs, key));
  if (!info) return null;
  const meta = await readMeta(metaPath(dirs, key));
  return { key, size: info.size, lastModified: info.mtime, contentType: meta?.contentType ?? FALLBACK_TYPE, etag: meta?.etag };
};

const deleteLocal = async (dirs: Layout, key: string): Promise<void> => {
  const path = objectPath(dirs, key);
  const meta = metaPath(dirs, key);
  await Promise.all([rm(path, { force: true }), rm(meta, { force: true })]);
  await Promise.all([pruneEmptyDirs(dirs.objects, dirname(path)), pruneEmptyDirs(dirs.metas, dirname(meta))]);
};

/** `base/rel` resolved, refused unless it lies strictly inside `base` (whatever the key checks said). */
export const resolveInside = (base: string, rel: string): string => {
  const path = resolve(base, rel);
  const back = relative(base, path);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) {
    throw new Error(`storage path escapes its root: ${JSON.stringify(rel)}`);
  }
  return path;
};

const writeCounted = async (path: string, body: Buffer | Readable): Promise<{ size: number; etag: string }> => {
  const hash = createHash('md5');
  let size = 0;
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer | string>) {
      for await (const chunk of chunks) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        hash.update(bytes);
        size += bytes.length;
        yield bytes;
      }
    },
    createWriteStream(path, { flags: 'wx' }),
  );
  return { size, etag: hash.digest('hex') };
};

/** Renames into place, making the folders; once more if a concurrent delete pruned a folder in between. */
const moveInto = async (from: string, to: string): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    await mkdir(dirname(to), { recursive: true });
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt > 0 || errorCode(error) !== 'ENOENT') throw error;
    }
  }
};

const pruneEmptyDirs = async (base: string, dir: string): Promise<void> => {
  for (let current = dir; current !== base && current.startsWith(base + sep); current = dirname(current)) {
    const removed = await rmdir(current).then(
      () => true,
      () => false,
    );
    if (!removed) return;
  }
};

const listLocal = async (objects: string, prefix: string, limit: number, cursor: string | undefined): Promise<ListPage> => {
  const slash = prefix.lastIndexOf('/');
  const start = slash < 0 ? objects : resolveInside(objects, prefix.slice(0, slash));
  const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if (absent(error)) return [];
    throw error;
  });
  const keys = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(objects, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((key) => key.startsWith(prefix) && (cursor === undefined || key > cursor) && isValidKey(key))
    .sort();
  const page = keys.slice(0, limit);
  const items = await Promise.all(page.map((key) => listItem(objects, key)));
  const found = items.filter((item): item is ListItem => item !== undefined);
  return keys.length > limit ? { items: found, cursor: page[page.length - 1] } : { items: found };
};

const listItem = async (objects: string, key: string): Promise<ListItem | undefined> => {
  const info = await fileStat(join(objects, key));
  return info ? { key, size: info.size, lastModified: info.mtime } : undefined;
};

const fileStat = async (path: string) => {
  const info = await stat(path).catch(absentAsUndefined);
  return info?.isFile() ? info : undefined;
};

const readMeta = async (path: string): Promise<Meta | undefined> => {
  const text = await readFile(path, 'utf8').catch(absentAsUndefined);
  return text === undefined ? undefined : (JSON.parse(text) as Meta);
};

const errorCode = (error: unknown): unknown => (error instanceof Error && 'code' in error ? error.code : undefined);

/** "Not there": the path is missing, or a part of it is a file (`a/b` when `a` is an object). */
const absent = (error: unknown): boolean => errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR';

const absentAsUndefined = (error: unknown): undefined => {
  if (absent(error)) return undefined;
  throw error;
};
