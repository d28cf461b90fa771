import { describe, expect, it } from 'vitest';
import { nulPaths } from './input-guard.js';

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
};

describe('nulPaths', () => {
  it('names every string and key holding NUL, in document order', () => {
    const body = { a: 'x\u0000', b: [{ c: 'ok' }, { 'd\u0000': 1 }, 'e\u0000'], f: { g: 'h\u0000' } };
    expect(nulPaths(body, 'body')).toEqual(['body/a', 'body/b/1/d\\u0000', 'body/b/2', 'body/f/g']);
  });

  it('walks a body nested 100,000 levels deep without exhausting the stack', () => {
    expect(nulPaths(nested(100_000, 'deep'), 'body')).toEqual([]);
    const found = nulPaths(nested(100_000, 'deep\u0000'), 'body');
    expect(found).toHaveLength(1);
    expect(found[0]?.split('/')).toHaveLength(1 + 200_000);
  });

  it('reports at most 20 paths', () => {
    expect(
      nulPaths(
        Array.from({ length: 50 }, () => '\u0000'),
        'body',
      ),
    ).toHaveLength(20);
  });
});
