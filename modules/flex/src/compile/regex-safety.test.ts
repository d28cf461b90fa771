import { describe, expect, it } from 'vitest';
import { patternIsSafe } from './regex-safety.js';

const DELIMITED = ['^[a-z0-9]+(-[a-z0-9]+)*$', '^[0-9]+(\\.[0-9]+)*$', '^\\d+(,\\s*\\d+)*$', '^[A-Z][a-z]+( [A-Z][a-z]+)*$'];

const SAFE = [
  '^[0-9]{5}$',
  '^\\+[0-9 ]{6,20}$',
  '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  '^(cat|dog)+$',
  '^(\\d|x)+$',
  '^(?:[a-z]|-)+$',
  '^\\p{L}+$',
  '^[a-z]+(?:_[a-z]+)?$',
  '^(ab)*c$',
  '^\\u{1F600}+$',
  '^[(]+[)]*$',
];

/** Texts that make backtracking engines work hardest on the pattern: long runs of its own characters, then a mismatch. */
const hostileTexts = (pattern: string): string[] => {
  const chars = [...new Set(pattern.replace(/[\\^$()[\]{}*+?|]/g, '').split(''))].concat(['a', '1', ' ']);
  return chars.flatMap((c) => [`${c.repeat(5_000)}!`, `${`${c}-`.repeat(2_500)}!`, `${`${c}${c} `.repeat(1_500)}!`]);
};

describe('patternIsSafe', () => {
  it('accepts patterns without nested repetition', () => {
    for (const p of SAFE) expect(patternIsSafe(p), p).toBe(true);
  });

  it('accepts repeated groups whose rounds start with a literal delimiter nothing else in them matches', () => {
    for (const p of DELIMITED) expect(patternIsSafe(p), p).toBe(true);
  });

  it('lets through no pattern that takes long on hostile texts', () => {
    for (const p of [...SAFE, ...DELIMITED]) {
      const regex = new RegExp(p, 'u');
      const started = performance.now();
      for (const text of hostileTexts(p)) regex.test(text);
      expect(performance.now() - started, p).toBeLessThan(500);
    }
  });

  it('refuses nested repetition that can match one text in many ways', () => {
    for (const p of [
      '^(a+)+$',
      '^(\\w+\\s?)*$',
      '^(a|aa)*(b+)*$',
      '(x+x+)+y',
      '^(a*)*$',
      '^((ab)*)+$',
      '^(-[a-z-]+)*$',
      '^(a[a-z]+)*$',
      '^(?:\\d+){2,}$',
      '^(.*,)*$',
      '^(-(a+)+)*$',
      '^(a|aa)*b$',
      '^(cat|car|c)+$',
      '^(\\d|\\w)+$',
      '^(\\w|x)+$',
      '^(-?[a-z]+)*$',
      '^(x?a|b)+$',
      '^(a|)+$',
    ])
      expect(patternIsSafe(p), p).toBe(false);
  });

  it('refuses three or more unbounded repetitions in a row that can match the same characters', () => {
    for (const p of [
      '^a*a*a*b$',
      '^.*.*.*=.*$',
      '^\\s*.*\\s*=$',
      '^(?:a*)(?:a*)(?:a*)b$',
      '^a+x?a+(?:y)?a+$',
      '^a*b*a*b*a*$',
      '^\\d{1,100}\\d{1,100}\\d{1,100}x$',
      '^(?:x(-a*a*a*)*)$',
      '^(?=a*a*a*b)',
      '^(?:\\w+|\\d)\\w+[0-9]+x$',
      '^(?:ax)?(?:ax)?(?:ax)?$',
      `^${'(a|b)?'.repeat(40)}$`,
      '^(a?){30}a{30}$',
      '^(a?){2,30}a{30}$',
      '^[a-z]+_?[a-z]*_?[a-z]*$',
      `^${'(?:a|aa)'.repeat(30)}$`,
      '^(?:ü|üü)(?:ü|üü)(?:ü|üü)$',
      '^[ü]+ü?[ü]*$',
    ])
      expect(patternIsSafe(p), p).toBe(false);
  });
});
