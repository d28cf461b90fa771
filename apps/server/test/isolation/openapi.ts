import { generateId } from '@rustok/kernel';
import type { Method, RouteCase, World } from './world.js';

/** The OpenAPI document as the suite reads it: which routes there are, and a minimal valid body for each. */

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string }[];
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const resolveRef = (doc: OpenApiDoc, ref: string): JsonSchema => {
  const name = ref.split('/').pop() ?? '';
  const schema = doc.components?.schemas?.[name];
  if (!schema) throw new Error(`unresolved $ref ${ref}`);
  return schema;
};

const sampleString = (schema: JsonSchema, name: string): string => {
  if (schema.format === 'uuid') return generateId();
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'email' || /email/i.test(name)) return `probe-${generateId().slice(-8)}@example.com`;
  const text = 'probe'.padEnd(schema.minLength ?? 1, 'x');
  return schema.maxLength === undefined ? text : text.slice(0, schema.maxLength);
};

/** A minimal valid value of a JSON schema: only required properties, the smallest allowed sizes. */
const minimalValue = (doc: OpenApiDoc, schema: JsonSchema, name = ''): unknown => {
  if (schema.$ref) return minimalValue(doc, resolveRef(doc, schema.$ref), name);
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return minimalValue(doc, alternatives.find((s) => s.type !== 'null') ?? alternatives[0] ?? {}, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => minimalValue(doc, s, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, minimalValue(doc, schema.properties?.[key] ?? {}, key)]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(doc, schema.items ?? {}, name));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, name);
    default:
      return null;
  }
};

export const routesOf = (doc: OpenApiDoc): string[] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => HTTP_METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

export const splitKey = (key: string): { method: Method; path: string } => {
  const [method, path] = key.split(' ') as [Method, string];
  return { method, path };
};

/** The route's URL with B's identifiers in its path parameters; fails when the table does not name one. */
export const urlWithIdsOfB = (w: World, key: string, path: string, params: RouteCase['paramsOfB'] = {}): string =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`${key}: no value of B for path parameter "${name}"; add it to paramsOfB in its area's routes`);
    return encodeURIComponent(value(w));
  });

export const bodyFor = (w: World, doc: OpenApiDoc, key: string, route: RouteCase): unknown => {
  if (route.body) return route.body(w);
  const { method, path } = splitKey(key);
  const schema = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  return schema ? minimalValue(doc, schema) : undefined;
};
