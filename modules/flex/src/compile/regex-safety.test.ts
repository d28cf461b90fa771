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

describe('patternIsSafe on generated patterns', () => {
  let seed = 23;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const ATOMS = ['a', 'b', '.', '\\w', '\\d', '\\s', '[ab]', '[a-z]', '[^b]', '-', 'x', '@', ':', '[0-9]', '_'];
  const QUANTIFIERS = ['', '', '', '', '', '', '?', '*', '+', '{2}', '{1,3}', '{0,5}', '{2,}'];
  const generate = (depth: number): string => {
    let out = '';
    for (let i = 0, n = 1 + random(6); i < n; i++) {
      const alternatives = depth < 2 && random(5) === 0 ? 1 + random(3) : 0;
      out +=
        alternatives > 0 ? `(${Array.from({ length: alternatives }, () => generate(depth + 1)).join('|')})` : ATOMS[random(ATOMS.length)];
      out += QUANTIFIERS[random(QUANTIFIERS.length)];
    }
    return out;
  };
  const CHARS = ['a', 'b', '1', ' ', '-', 'x', '_'];
  const TEXTS = [...CHARS.map((c) => `${c.repeat(2_000)}!`), ...CHARS.flatMap((c) => CHARS.map((d) => `${(c + d).repeat(1_000)}!`))];

  it('lets through none that takes long on hostile texts', () => {
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const pattern = `^${generate(0)}$`;
      if (!patternIsSafe(pattern)) continue;
      accepted += 1;
      const regex = new RegExp(pattern, 'u');
      const started = performance.now();
      for (const text of TEXTS) regex.test(text);
      expect(performance.now() - started, pattern).toBeLessThan(300);
    }
    expect(accepted).toBeGreaterThan(150);
  });
});
