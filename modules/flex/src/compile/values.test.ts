import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../schemas.js';
import { prepareValues, publicValues, referencesOf, uniqueValuesOf } from './index.js';

const A = '0190f5c2-7a8b-7c3d-9e4f-0a1b2c3d4e51';
const B = '0190f5c2-7a8b-7c3d-9e4f-0a1b2c3d4e52';
const C = '0190f5c2-7a8b-7c3d-9e4f-0a1b2c3d4e53';
const D = '0190f5c2-7a8b-7c3d-9e4f-0a1b2c3d4e54';

const EVIL =
  '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a><script>alert(1)</script><img src="https://a.b/c.png" onerror="x()"></p>';

describe('prepareValues', () => {
  const fields: FieldDefinition[] = [
    { key: 'title', type: 'text' },
    { key: 'body', type: 'rich_text' },
    { key: 'notes', type: 'rich_text', list: true },
    { key: 'intro', type: 'rich_text', localized: true },
    { key: 'sections', type: 'object', list: true, fields: [{ key: 'html', type: 'rich_text', localized: true, list: true }] },
  ];

  it('sanitises every rich text: top level, lists, localized maps, objects', () => {
    const values = {
      title: '<script>kept as text</script>',
      body: EVIL,
      notes: [EVIL, '<b>ok</b>'],
      intro: { en: EVIL, de: '<i>gut</i>' },
      sections: [{ html: { en: [EVIL] } }],
    };
    const prepared = prepareValues(fields, values);
    const clean = '<p>Hi <a>x</a><img src="https://a.b/c.png" /></p>';
    expect(prepared.body).toBe(clean);
    expect(prepared.notes).toEqual([clean, '<b>ok</b>']);
    expect(prepared.intro).toEqual({ en: clean, de: '<i>gut</i>' });
    expect(prepared.sections).toEqual([{ html: { en: [clean] } }]);
    // Plain text is not HTML: it is left as given (escaped where it is shown).
    expect(prepared.title).toBe(values.title);
  });

  it('returns a deep copy and leaves the input alone', () => {
    const values = { body: EVIL, sections: [{ html: { en: [EVIL] } }] };
    const prepared = prepareValues(fields, values);
    expect(values.body).toBe(EVIL);
    expect(values.sections[0]?.html.en[0]).toBe(EVIL);
    expect(prepared.sections).not.toBe(values.sections);
    expect(JSON.stringify(prepared)).not.toMatch(/script|onclick|onerror|javascript:/);
  });

  it('does not add keys that were not given, even keys every object inherits', () => {
    expect(prepareValues(fields, { title: 'x' })).toEqual({ title: 'x' });
    const inherited: FieldDefinition[] = [{ key: 'constructor', type: 'rich_text', access: 'public', unique: true }];
    expect(Object.keys(prepareValues(inherited, {}))).toEqual([]);
    expect(Object.keys(publicValues(inherited, {}))).toEqual([]);
    expect(referencesOf([{ key: 'constructor', type: 'reference', to: 'user' }], {})).toEqual([]);
    expect(prepareValues(inherited, { constructor: '<b onclick="x()">y</b>' })).toEqual({ constructor: '<b>y</b>' });
  });
});

describe('referencesOf', () => {
  it('finds every reference given, in lists, localized maps and objects', () => {
    const fields: FieldDefinition[] = [
      { key: 'product', type: 'reference', to: 'product' },
      { key: 'related', type: 'reference', to: 'flex_entry', schema: 'store', list: true },
      { key: 'author', type: 'reference', to: 'user', localized: true },
      { key: 'links', type: 'object', list: true, fields: [{ key: 'node', type: 'reference', to: 'content_node' }] },
      { key: 'missing', type: 'reference', to: 'product' },
    ];
    const refs = referencesOf(fields, { product: A, related: [B, C], author: { en: D }, links: [{}, { node: A }] });
    expect(refs).toEqual([
      { path: '/values/product', to: 'product', id: A },
      { path: '/values/related/0', to: 'flex_entry', schema: 'store', id: B },
      { path: '/values/related/1', to: 'flex_entry', schema: 'store', id: C },
      { path: '/values/author/en', to: 'user', id: D },
      { path: '/values/links/1/node', to: 'content_node', id: A },
    ]);
  });
});

describe('uniqueValuesOf and publicValues', () => {
  const fields: FieldDefinition[] = [
    { key: 'sku', type: 'text', unique: true, access: 'public' },
    { key: 'number', type: 'integer', unique: true },
    { key: 'code', type: 'decimal', unique: true },
    { key: 'name', type: 'text', access: 'public' },
    { key: 'cost', type: 'money', access: 'admin' },
  ];

  it('lists the unique fields that have a value', () => {
    expect(uniqueValuesOf(fields, { sku: 'A-1', number: 7, name: 'x' })).toEqual([
      { key: 'sku', value: 'A-1' },
      { key: 'number', value: 7 },
    ]);
    expect(uniqueValuesOf(fields, { code: '1.50' })).toEqual([{ key: 'code', value: '1.50' }]);
    expect(uniqueValuesOf(fields, {})).toEqual([]);
  });

  it('keeps only the public top-level values', () => {
    const values = { sku: 'A-1', number: 7, name: 'x', cost: { amount: 100, currencyCode: 'EUR' } };
    expect(publicValues(fields, values)).toEqual({ sku: 'A-1', name: 'x' });
    expect(publicValues(fields, { number: 7 })).toEqual({});
  });
});
