import type { McpTool } from '@rustok/kernel';
import type { TObject } from '@sinclair/typebox';

/** The JSON Schema dialect every tool schema is served in (the SDK v1 would stamp draft-07). */
export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** An object JSON Schema as MCP lists it (`type: 'object'` at the top). */
export interface ObjectJsonSchema {
  readonly $schema: string;
  readonly type: 'object';
  readonly properties?: { [name: string]: object };
  readonly required?: string[];
  readonly [keyword: string]: unknown;
}

/** The confirmation every destructive tool takes (checked by the platform, not passed to the handler). */
const CONFIRM = {
  type: 'boolean',
  const: true,
  description: 'Must be true: this tool changes or removes data in a way that cannot simply be undone',
} as const;

/** A TypeBox object as plain JSON Schema 2020-12 (TypeBox's own markers are symbols, so JSON drops them). */
const plain = (schema: TObject): Record<string, unknown> => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

const asObject = (schema: Record<string, unknown>): ObjectJsonSchema => ({ ...schema, $schema: JSON_SCHEMA_2020_12, type: 'object' });

/** The input schema a tool is listed with: its own, plus a required `confirm: true` when it is destructive. */
export const inputJsonSchema = (tool: McpTool): ObjectJsonSchema => {
  const schema = plain(tool.input);
  if (!tool.annotations.destructiveHint) return asObject(schema);
  const properties = { ...((schema.properties as Record<string, unknown> | undefined) ?? {}), confirm: CONFIRM };
  const required = [...((schema.required as string[] | undefined) ?? []), 'confirm'];
  return asObject({ ...schema, properties, required });
};

export const outputJsonSchema = (tool: McpTool): ObjectJsonSchema => asObject(plain(tool.output));
