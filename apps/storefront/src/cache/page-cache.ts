import { createHash } from 'node:crypto';

/** A rendered page as kept: its HTML, a strong ETag of it, and the tags that purge it. */
export interface CachedPage {
  readonly status: number;
  readonly html: string;
  /** The HTML encoded once (UTF-8), sent as it is. */
  readonly body: Buffer;
  readonly etag: string;
  readonly tags: readonly string[];
  readonly expires: number;
}

export interface PageCacheOptions {
  /** Upper bound of the HTML kept, all tenants together, in characters (each page is also kept encoded: about twice that in memory). */
  readonly maxBytes?: number;
  /** How long a page is kept without a purge: bounds what purges this process does not hear (other instances' writes). */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export interface PageCache {
  get(key: string): CachedPage | undefined;
  /** The tenant's purge count: read before rendering, given back to `set` (a page rendered across a purge is not kept). */
  epochOf(tenantId: string): number;
  set(tenantId: string, key: string, page: { status: number; html: string; tags: readonly string[] }, epoch: number): CachedPage;
  /** Drops the tenant's pages carrying any of the tags (or all of them); returns how many went. */
  purge(tenantId: string, tags: readonly string[] | 'all'): number;
  readonly size: number;
  readonly bytes: number;
}

export const etagOf = (html: string): string => `"${createHash('sha1').update(html).digest('base64url')}"`;

interface Held extends CachedPage {
  readonly tenantId: string;
}

/**
 * Rendered pages per tenant + locale + currency + address, purged by tag (product ids, node ids,
 * menu handles, `products`, `content`) when the data behind them changes. Least recently used pages
 * (the oldest kept) go first when the byte budget is spent.
 */
export const createPageCache = (options: PageCacheOptions = {}): PageCache => {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const ttlMs = options.ttlMs ?? 300_000;
  const now = options.now ?? Date.now;
  const pages = new Map<string, Held>();
  const tagIndex = new Map<string, Map<string, Set<string>>>();
  const epochs = new Map<string, number>();
  let bytes = 0;

  const drop = (key: string): void => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.html.length;
    const tags = tagIndex.get(page.tenantId);
    for (const tag of page.tags) {
      const keys = tags?.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) tags?.delete(tag);
    }
  };

  const index = (tenantId: string, key: string, tags: readonly string[]): void => {
    const byTag = tagIndex.get(tenantId) ?? new Map<string, Set<string>>();
    tagIndex.set(tenantId, byTag);
    for (const tag of tags) {
      const keys = byTag.get(tag) ?? new Set<string>();
      byTag.set(tag, keys);
      keys.add(key);
    }
  };

  return {
    get(key) {
      const page = pages.get(key);
      if (!page) return undefined;
      if (page.expires <= now()) {
        drop(key);
        return undefined;
      }
      return page;
    },
    epochOf: (tenantId) => epochs.get(tenantId) ?? 0,
    set(tenantId, key, page, epoch) {
      const held: Held = { ...page, body: Buffer.from(page.html), tenantId, etag: etagOf(page.html), expires: now() + ttlMs };
      if ((epochs.get(tenantId) ?? 0) !== epoch || page.html.length > maxBytes / 4) return held;
      drop(key);
      pages.set(key, held);
      bytes += page.html.length;
      index(tenantId, key, page.tags);
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
      return held;
    },
    purge(tenantId, tags) {
      epochs.set(tenantId, (epochs.get(tenantId) ?? 0) + 1);
      const keys = new Set<string>();
      // 'all' walks the pages: a page without tags is in no tag's set but is the tenant's all the same.
      if (tags === 'all') {
        for (const [key, held] of pages) if (held.tenantId === tenantId) keys.add(key);
      } else {
        for (const tag of tags) for (const key of tagIndex.get(tenantId)?.get(tag) ?? []) keys.add(key);
      }
      for (const key of keys) drop(key);
      return keys.size;
    },
    get size() {
      return pages.size;
    },
    get bytes() {
      return bytes;
    },
  };
};
