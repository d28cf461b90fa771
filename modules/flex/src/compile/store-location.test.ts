import { catchAppError } from '@rustok/testing';
import { describe, expect, it } from 'vitest';
import type { FlexOptions } from '../options.js';
import type { FieldDefinition } from '../schemas.js';
import { compileSchema, prepareValues, publicValues, referencesOf, uniqueValuesOf, validatorFor } from './index.js';

/** A realistic schema end to end: a shop's store locations, as a merchant would define them. */

const OPTIONS: FlexOptions = { max_schemas: 100, max_fields: 50, max_depth: 3, max_entry_bytes: 262_144, schema_changes_per_minute: 30 };
const PRODUCT = '0190f5c2-7a8b-7c3d-9e4f-0a1b2c3d4e5f';

const STORE_LOCATION: FieldDefinition[] = [
  {
    key: 'name',
    type: 'text',
    label: 'Name',
    required: true,
    maxLength: 120,
    unique: true,
    searchable: true,
    sortable: true,
    access: 'public',
  },
  {
    key: 'address',
    type: 'object',
    label: 'Address',
    required: true,
    access: 'public',
    fields: [
      { key: 'street', type: 'text', required: true },
      { key: 'city', type: 'text', required: true, filterable: true },
      { key: 'zip', type: 'text', pattern: '^[0-9]{5}$' },
    ],
  },
  {
    key: 'opening_hours',
    type: 'object',
    list: true,
    maxItems: 7,
    access: 'public',
    fields: [
      { key: 'day', type: 'enum', choices: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], required: true },
      { key: 'opens', type: 'text', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', required: true },
      { key: 'closes', type: 'text', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', required: true },
    ],
  },
  { key: 'phone', type: 'text', pattern: '^\\+[0-9 ]{6,20}$', access: 'public' },
  { key: 'photo', type: 'file', access: 'public' },
  {
    key: 'coordinates',
    type: 'object',
    access: 'public',
    fields: [
      { key: 'lat', type: 'decimal', min: -90, max: 90, required: true },
      { key: 'lng', type: 'decimal', min: -180, max: 180, required: true },
    ],
  },
  { key: 'tags', type: 'enum', list: true, choices: ['parking', 'cafe', 'pickup', 'wheelchair'], filterable: true, access: 'public' },
  { key: 'description', type: 'rich_text', localized: true, searchable: true, access: 'public' },
  { key: 'featured_product', type: 'reference', to: 'product', access: 'public' },
  { key: 'manager_notes', type: 'text', access: 'admin' },
  { key: 'store_number', type: 'integer', min: 1, unique: true },
];

const GOOD = {
  name: 'Berlin Mitte',
  address: { street: 'Torstraße 1', city: 'Berlin', zip: '10119' },
  opening_hours: [
    { day: 'mon', opens: '09:00', closes: '18:00' },
    { day: 'sat', opens: '10:00', closes: '14:00' },
  ],
  phone: '+49 30 1234567',
  photo: 'https://cdn.example.com/stores/mitte.jpg',
  coordinates: { lat: '52.529407', lng: '13.401208' },
  tags: ['parking', 'pickup'],
  description: { en: '<p>Our flagship.<script>track()</script></p>', de: '<p onclick="x()">Unser <b>Flaggschiff</b>.</p>' },
  featured_product: PRODUCT,
  manager_notes: 'Keys with the neighbour',
  store_number: 12,
};

describe('a store location schema, end to end', () => {
  const jsonSchema = compileSchema(STORE_LOCATION, OPTIONS);
  const validate = validatorFor('store-location:1', jsonSchema);

  it('compiles within the guardrails (19 fields with the nested ones)', () => {
    expect(() => compileSchema(STORE_LOCATION, { ...OPTIONS, max_fields: 19 })).not.toThrow();
    expect(catchAppError(() => compileSchema(STORE_LOCATION, { ...OPTIONS, max_fields: 18 })).code).toBe('FLEX_SCHEMA_TOO_MANY_FIELDS');
    expect(catchAppError(() => compileSchema(STORE_LOCATION, { ...OPTIONS, max_depth: 1 })).code).toBe('FLEX_SCHEMA_TOO_DEEP');
    expect(jsonSchema.required).toEqual(['name', 'address']);
  });

  it('accepts a complete location and one with only the required values', () => {
    expect(validate(GOOD)).toEqual([]);
    expect(validate({ name: 'Pop-up', address: { street: 'Markt 2', city: 'Leipzig' } })).toEqual([]);
  });

  it('names every wrong value by its path', () => {
    const errors = validate({
      address: { street: 'Torstraße 1', zip: '1011' },
      opening_hours: [
        { day: 'mon', opens: '09:00', closes: '18:00' },
        { day: 'someday', opens: '9', closes: '18:00' },
      ],
      phone: '030 1234',
      photo: 'file:///etc/passwd',
      coordinates: { lat: '91', lng: 13.4 },
      tags: ['parking', 'spa'],
      description: { english: '<p>x</p>' },
      featured_product: 'bestseller',
      store_number: 0,
      opened: '2020-01-01',
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        '/values/name',
        '/values/address/city',
        '/values/address/zip',
        '/values/opening_hours/1/day',
        '/values/opening_hours/1/opens',
        '/values/phone',
        '/values/photo',
        '/values/coordinates/lat',
        '/values/coordinates/lng',
        '/values/tags/1',
        '/values/description/english',
        '/values/featured_product',
        '/values/store_number',
        '/values/opened',
      ].sort(),
    );
    const byPath = new Map(errors.map((e) => [e.path, e.message]));
    expect(byPath.get('/values/coordinates/lat')).toBe('must be <= 90 (got "91")');
    expect(byPath.get('/values/tags/1')).toMatch(/must be one of parking, cafe, pickup, wheelchair/);
    expect(byPath.get('/values/opened')).toBe('is not a known key');
  });

  it('prepares, extracts and filters what the use-cases need', () => {
    const prepared = prepareValues(STORE_LOCATION, GOOD);
    expect(prepared.description).toEqual({ en: '<p>Our flagship.</p>', de: '<p>Unser <b>Flaggschiff</b>.</p>' });
    expect(validate(prepared)).toEqual([]);
    expect(referencesOf(STORE_LOCATION, prepared)).toEqual([{ path: '/values/featured_product', to: 'product', id: PRODUCT }]);
    expect(uniqueValuesOf(STORE_LOCATION, prepared)).toEqual([
      { key: 'name', value: 'Berlin Mitte' },
      { key: 'store_number', value: 12 },
    ]);
    const shown = publicValues(STORE_LOCATION, prepared);
    expect(Object.keys(shown)).not.toContain('manager_notes');
    expect(Object.keys(shown)).not.toContain('store_number');
    expect(shown.address).toEqual(GOOD.address);
  });
});
