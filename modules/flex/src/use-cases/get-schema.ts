import { inTenant } from '@rustok/api';
import { type FlexContext, requirePermission } from '../context.js';
import type { FlexSchema } from '../schemas.js';
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

/** GET /flex/schemas/:slug/json-schema (public): the JSON Schema 2020-12 of the current version's values. */
export const getSchemaJsonSchema = async (ctx: FlexContext, slug: string): Promise<Record<string, unknown>> =>
  (await rowOf(ctx, slug)).json_schema;
