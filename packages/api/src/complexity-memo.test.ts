import { parse } from 'graphql';
import { expect, it } from 'vitest';
import { createComplexityMemo } from './complexity-memo.js';

it('remembers a complexity per document, operation name and variables', () => {
  const memo = createComplexityMemo();
  const doc = parse('query Q($n: Int) { a(first: $n) }');
  memo.set(doc, 'Q', { n: 5 }, 7);
  expect(memo.get(doc, 'Q', { n: 5 })).toBe(7);
  expect(memo.get(doc, 'Q', { n: 6 })).toBeUndefined();
  expect(memo.get(doc, undefined, { n: 5 })).toBeUndefined();
  expect(memo.get(parse('query Q($n: Int) { a(first: $n) }'), 'Q', { n: 5 })).toBeUndefined();
});

it('forgets the oldest variables of a document past its bound', () => {
  const memo = createComplexityMemo();
  const doc = parse('{ a }');
  for (let n = 0; n < 100; n++) memo.set(doc, undefined, { n }, n);
  expect(memo.get(doc, undefined, { n: 0 })).toBeUndefined();
  expect(memo.get(doc, undefined, { n: 99 })).toBe(99);
});
