import { inTenant } from '@rustok/api';
import { type FlexContext, requirePermission } from '../context.js';
import type { FieldDefinition, FlexSchema } from '../schemas.js';
import { loadSchema, type SchemaRow, schemaNotFound, toFlexSchema } from '../store/schema-read.js';

const rowOf = (ctx: FlexContext, slug: string): Promise<SchemaRow> =>
  inTenant(ctx, async (w) => {
    const row = await loadSchema(w.tx, slug);
    if (!row) throw schemaNotFound(slug);
    return row;
  });

/** GET /flex/schemas/:slug: the schema as it is now (its newest version); 404 FLEX_SCHEMA_NOT_FOUND. */
export const getSchema = async (ctx: FlexContext, slug: string): Promise<FlexSchema> => {
  requirePermission(ctx, 'flex.entries.read');
  return toFlexSchema(await rowOf(ctx, slug));
};

type Doc = Record<string, unknown>;

/**
 * The document with its properties in the fields' order (a group's own too): jsonb keeps object keys
 * in an order of its own (shorter first), and readers show fields in the order they come.
 */
const inFieldOrder = (doc: Doc, fields: readonly FieldDefinition[]): Doc => {
  const properties = doc.properties as Record<string, Doc> | undefined;
  if (!properties || typeof properties !== 'object') return doc;
  const ordered: Record<string, Doc> = {};
  for (const field of fields) {
    const property = properties[field.key];
    if (property) ordered[field.key] = field.fields ? inFieldOrder(property, field.fields) : property;
  }
  for (const [key, property] of Object.entries(properties)) if (!(key in ordered)) ordered[key] = property;
  return { ...doc, properties: ordered };
};

/** GET /flex/schemas/:slug/json-schema (public): the JSON Schema 2020-12 of the current version's values. */
export const getSchemaJsonSchema = async (ctx: FlexContext, slug: string): Promise<Record<string, unknown>> => {
  const row = await rowOf(ctx, slug);
  return inFieldOrder(row.json_schema, row.fields);
};
