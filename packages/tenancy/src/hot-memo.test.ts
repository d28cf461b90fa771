import { describe, expect, it } from 'vitest';
import { createHotMemo, MISS } from './hot-memo.js';

const clock = () => {
  let t = 1_000;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
};

describe('hot memo', () => {
  it('answers a remembered value until its ttl or the window ends, whichever is first', () => {
    const c = clock();
    const memo = createHotMemo<string>({ windowMs: 1_000, maxItems: 10, now: c.now });
    memo.set('short', 'a', 200, memo.mark());
    memo.set('long', 'b', 60_000, memo.mark());
    expect(memo.get('short')).toBe('a');
    c.advance(199);
    expect(memo.get('short')).toBe('a');
    c.advance(1);
    expect(memo.get('short')).toBe(MISS);
    expect(memo.get('long')).toBe('b');
    c.advance(800);
    expect(memo.get('long')).toBe(MISS);
  });

  it('remembers undefined (an unknown tenant) as a value, and nothing with a zero ttl', () => {
    const memo = createHotMemo<string | undefined>({ windowMs: 1_000, maxItems: 10 });
    memo.set('ghost', undefined, 500, memo.mark());
    memo.set('uncached', 'x', 0, memo.mark());
    expect(memo.get('ghost')).toBeUndefined();
    expect(memo.get('uncached')).toBe(MISS);
  });

  it('does not keep a value looked up before a clear', () => {
    const memo = createHotMemo<string>({ windowMs: 1_000, maxItems: 10 });
    memo.set('k', 'old', 1_000, memo.mark());
    const since = memo.mark(); // a lookup starts
    memo.clear(); // an invalidation lands meanwhile
    memo.set('k', 'old', 1_000, since); // the lookup ends with what it read before
    expect(memo.get('k')).toBe(MISS);
    memo.set('k', 'new', 1_000, memo.mark());
    expect(memo.get('k')).toBe('new');
  });

  it('starts over when full instead of growing', () => {
    const memo = createHotMemo<number>({ windowMs: 1_000, maxItems: 3 });
    for (let i = 0; i < 3; i++) memo.set(`k${i}`, i, 1_000, memo.mark());
    expect(memo.get('k2')).toBe(2);
    memo.set('k3', 3, 1_000, memo.mark());
    expect(memo.get('k0')).toBe(MISS);
    expect(memo.get('k3')).toBe(3);
  });
});
