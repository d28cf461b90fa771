import type { PageContext } from '../../context.js';

/** One public flex field of products as the storefront shows it: `<schema>.<key>`, its label and type. */
export interface CustomField {
  readonly field: string;
  readonly label: string;
  readonly type: string;
}

interface JsonSchemaDoc {
  readonly properties?: Readonly<Record<string, { readonly title?: string; readonly 'x-flex'?: { readonly type?: string } }>>;
}

const SCHEMA_SLUG = /^[a-z][a-z0-9_-]{0,63}$/;

/** The schema of a `<schema>.<key>` name. */
export const schemaOf = (field: string): string => field.slice(0, field.indexOf('.'));

/**
 * Labels of custom fields (`<schema>.<key>`), read from each schema's public JSON Schema (flex's
 * public route); a field the schema does not name (or flex off, or the schema gone) is labelled by its key.
 */
export const customFieldsOf = async (ctx: PageContext, fields: readonly string[]): Promise<Map<string, CustomField>> => {
  const schemas = [...new Set(fields.map(schemaOf))].filter((s) => SCHEMA_SLUG.test(s));
  const docs = new Map(
    await Promise.all(
      schemas.map(async (schema) => {
        const doc = await ctx.api.get<JsonSchemaDoc>(`/flex/schemas/${schema}/json-schema`);
        return [schema, doc.ok ? doc.value : {}] as const;
      }),
    ),
  );
  return new Map(
    fields.map((field) => {
      const key = field.slice(field.indexOf('.') + 1);
      const property = docs.get(schemaOf(field))?.properties?.[key];
      return [field, { field, label: property?.title ?? key, type: property?.['x-flex']?.type ?? 'text' }] as const;
    }),
  );
};
