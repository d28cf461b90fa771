import fc from 'fast-check';

/** Values that broke servers before: NULs, huge and odd numbers, long and odd strings, wrong types. */

const NASTY_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x'.repeat(5000),
  '../../etc/passwd',
  "' OR 1=1 --",
  '%',
  '%E0%A4%A',
  '\uD800',
  '\uFFFF',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  'null',
  'true',
  '2026-13-45',
  '2026-02-30T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '01936f2e-8c41-7a3b-9d2e-4f5a6b7c8d9e',
  'Z3JhcGhxbA==',
  'eyJpZCI6MX0',
  '{"a":1}',
  '[]',
];

const NASTY_NUMBERS = [
  0,
  -1,
  1,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e20,
  1e308,
  -1e308,
  0.5,
  1e-9,
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`) },
  { weight: 1, arbitrary: fc.uuid() },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, including deep ones and nasty leaves. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'k\u0000')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** A short slug-like word (cheap to draw, unlike a regular-expression arbitrary). */
export const word: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('lamp', 'red', 'x', 'fuzz-lamp', 'a-b', 'en', 'de', 'page', 'post'), fc.nat(99))
  .map(([w, n]) => (n % 3 === 0 ? w : `${w}-${n}`));
