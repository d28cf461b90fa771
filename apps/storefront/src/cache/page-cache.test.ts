import { describe, expect, it } from 'vitest';
import { createPageCache, etagOf } from './page-cache.js';

const page = (html: string, tags: readonly string[]) => ({ status: 200, html, tags });

describe('page cache', () => {
  it('keeps a page under its key with a strong ETag of its HTML', () => {
    const cache = createPageCache();
    const kept = cache.set('t1', 'k1', page('<p>a</p>', ['products']), cache.epochOf('t1'));
    expect(kept.etag).toBe(etagOf('<p>a</p>'));
    expect(cache.get('k1')?.html).toBe('<p>a</p>');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe('<p>a</p>'.length);
  });

  it("purges by tag only the tenant's pages that carry one of the tags", () => {
    const cache = createPageCache();
    cache.set('t1', 'a', page('a', ['product:1', 'products']), 0);
    cache.set('t1', 'b', page('b', ['product:2']), 0);
    cache.set('t1', 'c', page('c', ['node:9', 'content']), 0);
    cache.set('t2', 'd', page('d', ['product:1', 'products']), 0);
    expect(cache.purge('t1', ['product:1'])).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.html).toBe('b');
    expect(cache.get('d')?.html).toBe('d');
    expect(cache.purge('t1', ['content', 'product:2'])).toBe(2);
    expect(cache.size).toBe(1);
    expect(cache.purge('t1', ['nothing'])).toBe(0);
  });

  it("purges all of one tenant's pages with 'all', leaving other tenants'", () => {
    const cache = createPageCache();
    cache.set('t1', 'a', page('a', ['products']), 0);
    cache.set('t1', 'b', page('b', []), 0);
    cache.set('t2', 'c', page('c', ['products']), 0);
    expect(cache.purge('t1', 'all')).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.html).toBe('c');
    expect(cache.bytes).toBe(1);
  });

  it('does not keep a page whose render began before a purge of its tenant (the epoch guard)', () => {
    const cache = createPageCache();
    const before = cache.epochOf('t1');
    cache.purge('t1', ['product:1']); // a write committed while the page was being rendered
    const answered = cache.set('t1', 'a', page('old price', ['product:1']), before);
    expect(answered.html).toBe('old price'); // still answers the request it was rendered for
    expect(cache.get('a')).toBeUndefined();
    // Another tenant's purge does not stop it; a render that began after the purge is kept.
    const other = cache.epochOf('t2');
    cache.purge('t1', ['products']);
    cache.set('t2', 'b', page('b', []), other);
    expect(cache.get('b')?.html).toBe('b');
    cache.set('t1', 'a', page('new price', ['product:1']), cache.epochOf('t1'));
    expect(cache.get('a')?.html).toBe('new price');
  });

  it('drops the least recently stored pages when the byte budget is spent, and refuses a page over a quarter of it', () => {
    const cache = createPageCache({ maxBytes: 40 });
    cache.set('t1', 'a', page('x'.repeat(10), ['products']), 0);
    cache.set('t1', 'b', page('y'.repeat(10), ['products']), 0);
    cache.set('t2', 'c', page('z'.repeat(10), []), 0);
    cache.set('t1', 'd', page('w'.repeat(10), []), 0);
    expect(cache.bytes).toBe(40);
    cache.set('t2', 'e', page('v'.repeat(10), []), 0);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.html).toBe('y'.repeat(10));
    expect(cache.bytes).toBe(40);
    expect(cache.size).toBe(4);
    // The evicted page left the tag index too: purging its tag counts only what is still there.
    expect(cache.purge('t1', ['products'])).toBe(1);
    cache.set('t1', 'big', page('b'.repeat(11), []), 0);
    expect(cache.get('big')).toBeUndefined();
  });

  it('replacing a page under the same key counts its bytes once', () => {
    const cache = createPageCache();
    cache.set('t1', 'a', page('12345', ['products']), 0);
    cache.set('t1', 'a', page('123', ['products']), 0);
    expect(cache.bytes).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('forgets a page once its time to live has passed', () => {
    let clock = 1_000;
    const cache = createPageCache({ ttlMs: 500, now: () => clock });
    cache.set('t1', 'a', page('a', ['products']), 0);
    clock += 499;
    expect(cache.get('a')?.html).toBe('a');
    clock += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});
