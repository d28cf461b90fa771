import { describe, expect, it } from 'vitest';
import { assertKey, InvalidKey, keyProblem, MAX_KEY_LENGTH } from './key.js';

describe('keys', () => {
  it('takes tenant-prefixed paths of safe characters', () => {
    for (const key of [
      't1/a.png',
      '0f8e3c2a-9b1d-4e5f-8a7b-6c5d4e3f2a1b/media/2026/05/photo_1.large.webp',
      'x',
      'a/..b/c..',
      'x'.repeat(MAX_KEY_LENGTH),
    ]) {
      expect(keyProblem(key), key).toBeUndefined();
    }
  });

  it('names what is wrong with a key', () => {
    expect(keyProblem('')).toBe('empty');
    expect(keyProblem('x'.repeat(MAX_KEY_LENGTH + 1))).toBe('too_long');
    expect(keyProblem('/etc/passwd')).toBe('absolute');
    expect(keyProblem('t1/dir/')).toBe('trailing_slash');
    expect(keyProblem('t1//x')).toBe('empty_segment');
    expect(keyProblem('t1/../x')).toBe('dot_segment');
    expect(keyProblem('t1/./x')).toBe('dot_segment');
    expect(keyProblem('..')).toBe('dot_segment');
    for (const key of ['t1\\..\\x', 't1/a b', 't1/a%2F', 't1/ä', 't1/a?b', 't1/a\u0000']) expect(keyProblem(key), key).toBe('character');
  });

  it('throws InvalidKey naming the problem', () => {
    expect(() => assertKey('t1/../x')).toThrow(InvalidKey);
    expect(() => assertKey('t1/../x')).toThrow(/dot_segment/);
    expect(assertKey('t1/x')).toBe('t1/x');
  });
});
