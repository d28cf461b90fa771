import { describe, expect, it } from 'vitest';
import type { FlexOptions } from '../options.js';
import { compileSchema } from './index.js';

const OPTIONS: FlexOptions = { max_schemas: 100, max_fields: 50, max_depth: 3, max_entry_bytes: 262_144, schema_changes_per_minute: 30 };

describe('the JSON Schema document of the values', () => {
  it('is a closed 2020-12 object with the required keys', () => {
    const doc = compileSchema(
      [
        { key: 'title', type: 'text', required: true },
        { key: 'body', type: 'rich_text' },
      ],
      OPTIONS,
    );
    expect(doc).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['title'],
      additionalProperties: false,
    });
    expect(Object.keys(doc.properties as object)).toEqual(['title', 'body']);
  });

  it('annotates each property with its label, description and x-flex', () => {
    const doc = compileSchema(
      [
        {
          key: 'sku',
          type: 'text',
          label: 'SKU',
          description: 'Stock keeping unit',
          unique: true,
          filterable: true,
          sortable: true,
          searchable: true,
          access: 'public',
        },
        { key: 'owner', type: 'reference', to: 'flex_entry', schema: 'people', list: true, localized: true },
      ],
      OPTIONS,
    );
    const properties = doc.properties as Record<string, Record<string, unknown>>;
    expect(properties.sku).toEqual({
      title: 'SKU',
      description: 'Stock keeping unit',
      'x-flex': { type: 'text', access: 'public', filterable: true, sortable: true, searchable: true, unique: true },
      type: 'string',
      maxLength: 10_000,
    });
    expect(properties.owner).toEqual({
      'x-flex': { type: 'reference', access: 'admin', to: 'flex_entry', schema: 'people' },
      type: 'object',
      propertyNames: { pattern: '^[a-z]{2}(-[A-Z]{2})?$' },
      additionalProperties: { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 1000 },
    });
  });

  it('writes each type as the admin form and docs read it', () => {
    const doc = compileSchema(
      [
        { key: 'n', type: 'integer', min: 1 },
        { key: 'd', type: 'decimal', min: -0.5, max: 1e21 },
        { key: 'm', type: 'money' },
        { key: 'f', type: 'file' },
        { key: 'e', type: 'enum', choices: ['a', 'b'] },
        { key: 'j', type: 'json' },
      ],
      OPTIONS,
    );
    const p = doc.properties as Record<string, Record<string, unknown>>;
    expect(p.n).toMatchObject({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    expect(p.d).toMatchObject({
      type: 'string',
      pattern: '^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,9})?$',
      'x-flex-decimal': { minimum: '-0.5', maximum: '1000000000000000000000' },
    });
    expect(p.m).toMatchObject({ type: 'object', required: ['amount', 'currencyCode'], additionalProperties: false });
    expect(p.f).toMatchObject({ type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 });
    expect(p.e).toMatchObject({ type: 'string', enum: ['a', 'b'] });
    expect(p.j).toEqual({ 'x-flex': { type: 'json', access: 'admin' } });
  });

  it('survives a trip through JSON (it is stored as jsonb)', () => {
    const doc = compileSchema([{ key: 'o', type: 'object', fields: [{ key: 'x', type: 'decimal', min: 0 }] }], OPTIONS);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
