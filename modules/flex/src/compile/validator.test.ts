import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlexOptions } from '../options.js';
import type { FieldDefinition } from '../schemas.js';
import { compileSchema, validatorFor } from './index.js';
import { cachedValidators } from './validator.js';

const OPTIONS: FlexOptions = { max_schemas: 100, max_fields: 50, max_depth: 3, max_entry_bytes: 262_144, schema_changes_per_minute: 30 };
const ID = '0190f5c2-7a8b-7c3d-9e4f-0a1b2c3d4e5f';

/** A validator of one field `v` (a fresh cache key per call). */
const one = (field: Omit<FieldDefinition, 'key'>) => {
  const validate = validatorFor(`test:${randomUUID()}`, compileSchema([{ key: 'v', ...field }], OPTIONS));
  return {
    accepts: (value: unknown) => expect(validate({ v: value }), JSON.stringify(value)).toEqual([]),
    refuses: (value: unknown, path = '/values/v') => {
      const errors = validate({ v: value });
      expect(
        errors.map((e) => e.path),
        JSON.stringify(value),
      ).toEqual([path]);
      return errors[0]?.message ?? '';
    },
  };
};

describe('validatorFor: each field type', () => {
  it('text: a string within its lengths and pattern (10000 characters unless given)', () => {
    const plain = one({ type: 'text' });
    plain.accepts('');
    plain.accepts('x'.repeat(10_000));
    plain.refuses('x'.repeat(10_001));
    plain.refuses(12);
    plain.refuses(null);
    const zip = one({ type: 'text', minLength: 5, maxLength: 5, pattern: '^[0-9]+$' });
    zip.accepts('10115');
    expect(zip.refuses('1011a')).toMatch(/pattern/);
    zip.refuses('1011');
    // Too long and off-pattern: still one error for the field.
    zip.refuses('abcdefg');
  });

  it('rich_text: a string up to 100000 characters', () => {
    const rich = one({ type: 'rich_text' });
    rich.accepts('<p>Hello</p>');
    rich.accepts('x'.repeat(100_000));
    rich.refuses('x'.repeat(100_001));
    rich.refuses({ html: '<p/>' });
  });

  it('integer: whole numbers within min/max, or within ±2^53-1', () => {
    const any = one({ type: 'integer' });
    any.accepts(0);
    any.accepts(Number.MAX_SAFE_INTEGER);
    any.refuses(Number.MAX_SAFE_INTEGER + 2);
    any.refuses(1.5);
    any.refuses('1');
    const age = one({ type: 'integer', min: 0, max: 150 });
    age.accepts(150);
    expect(age.refuses(-1)).toMatch(/>= 0/);
    age.refuses(151);
  });

  it('decimal: exact decimals as text, bounds compared exactly', () => {
    const d = one({ type: 'decimal' });
    for (const ok of ['0', '-1', '12.50', '123456789012345678.123456789', '-0.000000001']) d.accepts(ok);
    for (const bad of ['01', '1.', '.5', '1e5', '1.1234567890', '1234567890123456789', ' 1', '+1']) d.refuses(bad);
    expect(d.refuses(12.5)).toMatch(/string/);
    expect(d.refuses('abc')).toMatch(/decimal/);
    const lat = one({ type: 'decimal', min: -90, max: 90 });
    lat.accepts('-90');
    lat.accepts('90.000000000');
    expect(lat.refuses('90.000000001')).toMatch(/<= 90/);
    expect(lat.refuses('-90.1')).toMatch(/>= -90/);
    const tiny = one({ type: 'decimal', min: 0.1, max: 1e-7 * 1e7 });
    tiny.accepts('0.1');
    tiny.refuses('0.099999999');
  });

  it('money: amount in minor units (min/max apply) and an ISO currency code, nothing else', () => {
    const price = one({ type: 'money', min: 0, max: 100_000 });
    price.accepts({ amount: 1999, currencyCode: 'EUR' });
    price.refuses({ amount: 19.99, currencyCode: 'EUR' }, '/values/v/amount');
    price.refuses({ amount: -1, currencyCode: 'EUR' }, '/values/v/amount');
    expect(price.refuses({ amount: 1, currencyCode: 'eur' }, '/values/v/currencyCode')).toMatch(/currency/);
    expect(price.refuses({ amount: 1, currencyCode: 'XYZ' }, '/values/v/currencyCode')).toMatch(/currency/);
    price.accepts({ amount: 0, currencyCode: 'RUB' });
    expect(price.refuses({ amount: 1 }, '/values/v/currencyCode')).toBe('is required');
    expect(price.refuses({ amount: 1, currencyCode: 'EUR', note: 'x' }, '/values/v/note')).toBe('is not a known key');
    price.refuses('19.99 EUR');
  });

  it('boolean', () => {
    const b = one({ type: 'boolean' });
    b.accepts(true);
    b.accepts(false);
    b.refuses('true');
    b.refuses(0);
  });

  it('date and datetime', () => {
    const date = one({ type: 'date' });
    date.accepts('2026-02-28');
    date.refuses('2026-02-30');
    date.refuses('28.02.2026');
    const at = one({ type: 'datetime' });
    at.accepts('2026-02-28T10:00:00Z');
    at.accepts('2026-02-28T10:00:00.5+03:00');
    at.refuses('2026-02-28');
    at.refuses('2026-02-28T25:00:00Z');
  });

  it('enum: one of its choices', () => {
    const size = one({ type: 'enum', choices: ['s', 'm', 'l'] });
    size.accepts('m');
    expect(size.refuses('xl')).toMatch(/must be one of s, m, l/);
  });

  it('reference: a UUID, never the nil one', () => {
    const ref = one({ type: 'reference', to: 'product' });
    ref.accepts(ID);
    ref.accepts(ID.toUpperCase());
    expect(ref.refuses('00000000-0000-0000-0000-000000000000')).toMatch(/UUID/);
    ref.refuses('product-1');
  });

  it('file: an http(s) URL up to 2048 characters', () => {
    const file = one({ type: 'file' });
    file.accepts('https://cdn.example.com/a.jpg');
    file.accepts('http://example.com/a.pdf');
    expect(file.refuses('ftp://example.com/a.jpg')).toMatch(/http/);
    file.refuses('javascript:alert(1)');
    file.refuses('not a url');
    file.refuses(`https://example.com/${'a'.repeat(2048)}`);
  });

  it('json: any JSON value', () => {
    const json = one({ type: 'json' });
    for (const value of [null, 1, 'x', [1, { a: 2 }], { deep: { er: [true] } }]) json.accepts(value);
  });

  it('object: its own fields, required ones and no others', () => {
    const address = one({
      type: 'object',
      fields: [
        { key: 'street', type: 'text', required: true },
        { key: 'zip', type: 'text', pattern: '^[0-9]{5}$' },
      ],
    });
    address.accepts({ street: 'Main 1' });
    address.accepts({ street: 'Main 1', zip: '10115' });
    address.refuses({ zip: '10115' }, '/values/v/street');
    address.refuses({ street: 'Main 1', zip: '1' }, '/values/v/zip');
    address.refuses({ street: 'Main 1', city: 'Berlin' }, '/values/v/city');
    address.refuses('Main 1');
  });
});

describe('validatorFor: lists, localized values, nesting', () => {
  it('list: an array of values, maxItems 1000 unless given, minItems', () => {
    const tags = one({ type: 'text', list: true });
    tags.accepts([]);
    tags.accepts(Array.from({ length: 1000 }, () => 'x'));
    tags.refuses(Array.from({ length: 1001 }, () => 'x'));
    tags.refuses('x');
    tags.refuses(['a', 'b', 'c', 3], '/values/v/3');
    const few = one({ type: 'integer', list: true, minItems: 1, maxItems: 2 });
    few.refuses([]);
    few.refuses([1, 2, 3]);
  });

  it('localized: a map by locale, at least one entry when required', () => {
    const title = one({ type: 'text', localized: true, required: true, maxLength: 5 });
    title.accepts({ en: 'Hi', 'pt-BR': 'Olá' });
    expect(title.refuses({})).toMatch(/at least one locale/);
    expect(title.refuses({ EN: 'Hi' }, '/values/v/EN')).toMatch(/locale/);
    title.refuses({ en: 'Hello world' }, '/values/v/en');
    title.refuses('Hi');
    one({ type: 'text', localized: true }).accepts({});
  });

  it('localized list and list of objects', () => {
    const bullets = one({ type: 'text', localized: true, list: true });
    bullets.accepts({ en: ['a', 'b'], de: [] });
    bullets.refuses({ en: ['a', 2] }, '/values/v/en/1');
    bullets.refuses({ en: 'a' }, '/values/v/en');
    const rows = one({ type: 'object', list: true, fields: [{ key: 'n', type: 'integer', required: true }] });
    rows.accepts([{ n: 1 }, { n: 2 }]);
    rows.refuses([{ n: 1 }, {}], '/values/v/1/n');
    rows.refuses([{ n: 1 }, { n: 'x' }], '/values/v/1/n');
  });
});

describe('validatorFor: the values object', () => {
  const fields: FieldDefinition[] = [
    { key: 'title', type: 'text', required: true },
    { key: 'count', type: 'integer' },
  ];
  const validate = validatorFor('values-object:1', compileSchema(fields, OPTIONS));

  it('reports every failing field at once, one error per field, unknown keys too', () => {
    const errors = validate({ count: 'x', extra: 1 });
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/values/title', message: 'is required' },
        { path: '/values/count', message: 'must be integer (got "x")' },
        { path: '/values/extra', message: 'is not a known key' },
      ]),
    );
  });

  it('refuses a values document that is not an object', () => {
    expect(validate(['title']).map((e) => e.path)).toEqual(['/values']);
    expect(validate(null).map((e) => e.path)).toEqual(['/values']);
  });

  it('neither coerces nor fills defaults', () => {
    const values = { title: 'x', count: '5' };
    expect(validate(values).map((e) => e.path)).toEqual(['/values/count']);
    expect(values).toEqual({ title: 'x', count: '5' });
  });

  it('compiles once per key: same key, same function; another version, another function', () => {
    const schema = compileSchema(fields, OPTIONS);
    const first = validatorFor('cache-test:1', schema);
    expect(validatorFor('cache-test:1', schema)).toBe(first);
    const next = validatorFor('cache-test:2', compileSchema([{ key: 'title', type: 'integer' }], OPTIONS));
    expect(next).not.toBe(first);
    expect(first({ title: 'x' })).toEqual([]);
    expect(next({ title: 'x' }).map((e) => e.path)).toEqual(['/values/title']);
  });

  it('keeps at most 1000 validators, dropping the oldest', () => {
    const tiny = () => compileSchema([{ key: 'n', type: 'integer' }], OPTIONS);
    const oldest = validatorFor('evict:0', tiny());
    for (let i = 1; i <= 1000; i++) validatorFor(`evict:${i}`, tiny());
    expect(cachedValidators()).toBe(1000);
    const again = validatorFor('evict:0', tiny());
    expect(again).not.toBe(oldest);
    expect(again({ n: 'x' }).map((e) => e.path)).toEqual(['/values/n']);
    expect(oldest({ n: 1 })).toEqual([]);
  });
});
