import { describe, expect, it } from 'vitest';
import { lineDiff } from '../src/line-diff.js';

const show = (before: string, after: string) =>
  lineDiff(before, after).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`);

describe('line diff', () => {
  it('keeps equal texts as they are', () => {
    expect(show('a\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('shows a changed line as removed then added, between kept lines', () => {
    expect(show('one\ntwo\nthree', 'one\n2\nthree')).toEqual([' one', '-two', '+2', ' three']);
  });

  it('finds lines added and removed at either end', () => {
    expect(show('b\nc', 'a\nb\nc\nd')).toEqual(['+a', ' b', ' c', '+d']);
    expect(show('a\nb\nc', 'b')).toEqual(['-a', ' b', '-c']);
  });

  it('keeps the longest run of common lines when lines move', () => {
    expect(show('a\nb\nc\nd', 'b\nc\nd\na')).toEqual(['-a', ' b', ' c', ' d', '+a']);
  });

  it('treats an empty text as no lines, and Windows line ends as line ends', () => {
    expect(show('', 'x')).toEqual(['+x']);
    expect(show('x', '')).toEqual(['-x']);
    expect(show('a\r\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('diffs texts of a few thousand lines quickly', () => {
    const before = Array.from({ length: 1500 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 700', 'line seven hundred');
    const started = performance.now();
    const diff = lineDiff(before, after);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diff.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'line 700' },
      { kind: 'added', text: 'line seven hundred' },
    ]);
  });
});
