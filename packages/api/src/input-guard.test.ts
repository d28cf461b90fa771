import { describe, expect, it } from 'vitest';
import { inputProblems, MAX_INPUT_DEPTH, NUL_MESSAGE } from './input-guard.js';

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const paths = (value: unknown) => inputProblems(value, 'body').map((e) => e.path);

describe('inputProblems', () => {
  it('names every string and key holding NUL, in document order', () => {
    const body = { a: 'x\u0000', b: [{ c: 'ok' }, { 'd\u0000': 1 }, 'e\u0000'], f: { g: 'h\u0000' } };
    expect(inputProblems(body, 'body')).toEqual(
      ['body/a', 'body/b/1/d\\u0000', 'body/b/2', 'body/f/g'].map((path) => ({ path, message: NUL_MESSAGE })),
    );
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses the next one, where it begins`, () => {
    expect(paths(nested(MAX_INPUT_DEPTH, 'leaf'))).toEqual([]);
    expect(paths(nested(MAX_INPUT_DEPTH, { deeper: 1 }))).toEqual([`body${'/a'.repeat(MAX_INPUT_DEPTH)}`]);
  });

  it('walks a value nested 100,000 levels deep without exhausting the stack', () => {
    const [problem] = inputProblems(nested(100_000, 'deep'), 'body');
    expect(problem?.message).toMatch(/nested deeper than/);
  });

  it('reports at most 20 problems', () => {
    expect(paths(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
  });
});
