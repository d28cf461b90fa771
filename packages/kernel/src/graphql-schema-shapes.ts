import { Kind, type TObject, type TSchema } from '@sinclair/typebox';

/**
 * What a TypeBox schema is in GraphQL terms: a scalar, an enum, an object or a list, and whether null
 * (or absence) is allowed. The GraphQL types are built from this by `schemaTypes` (graphql-schema-types.ts).
 */

/** How the GraphQL side shows what JSON Schema cannot say by itself. */
export interface SchemaTypePolicy {
  /**
   * A literal or a union of string literals: a GraphQL enum (`'enum'`, the default) or its base scalar
   * (`'scalar'`: String, Int, Float or Boolean), for a schema whose clients already send those values as
   * string literals. With `'scalar'` GraphQL lets any value of the scalar through: the use-case's own
   * parse of its input refuses the others.
   */
  readonly literals?: 'enum' | 'scalar';
  /** A `format: date-time` string: the DateTime scalar (the default) or String. */
  readonly dateTimes?: 'DateTime' | 'String';
}

export type ScalarName = 'String' | 'ID' | 'Int' | 'Float' | 'Boolean' | 'DateTime' | 'JSON';

export type SchemaShape =
  | { readonly kind: 'scalar'; readonly name: ScalarName }
  | { readonly kind: 'enum'; readonly schema: TSchema; readonly values: readonly string[] }
  | { readonly kind: 'object'; readonly schema: TObject }
  | { readonly kind: 'list'; readonly item: SchemaField };

/** A property or list item: its shape, and whether GraphQL must let it be null. */
export interface SchemaField {
  readonly shape: SchemaShape;
  readonly nullable: boolean;
  readonly description?: string;
}

interface Json {
  readonly [Kind]?: string;
  readonly type?: unknown;
  readonly format?: unknown;
  readonly const?: unknown;
  readonly anyOf?: readonly Json[];
  readonly items?: unknown;
  readonly properties?: Record<string, Json>;
  readonly required?: readonly string[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly exclusiveMaximum?: unknown;
  readonly exclusiveMinimum?: unknown;
  readonly description?: unknown;
  readonly $id?: unknown;
  readonly title?: unknown;
}

/** GraphQL's Int is a signed 32-bit integer. */
const INT_MAX = 2_147_483_647;
const INT_MIN = -2_147_483_648;
const ENUM_VALUE = /^[_A-Za-z][_0-9A-Za-z]*$/;

const unsupported = (where: string, what: string): Error =>
  new Error(
    `GraphQL type from schema: ${where} is ${what}, which has no GraphQL type; build this field by hand (fields option) or omit it`,
  );

/** The name a schema gives itself (`$id`, else `title`). */
export const nameOfSchema = (schema: TSchema): string | undefined => {
  const s = schema as Json;
  const name = typeof s.$id === 'string' ? s.$id : s.title;
  return typeof name === 'string' && name !== '' ? name : undefined;
};

const isObject = (s: Json): s is Json & TObject => s.type === 'object' && s.properties !== undefined;
/** A record, `Type.Unknown()` or `Type.Any()`: a free-form JSON value. */
const isFreeJson = (s: Json): boolean => s[Kind] === 'Record' || (s.type === undefined && (s[Kind] === 'Unknown' || s[Kind] === 'Any'));
/** A union of free-form values and lists of them (rich text as an object or an array): JSON as well. */
const isJsonUnion = (s: Json): boolean =>
  s.anyOf?.every((m) => isFreeJson(m) || (m.type === 'array' && typeof m.items === 'object' && isFreeJson(m.items as Json))) === true;

/** The literals of `Type.Literal` or of a union (nested unions too) made only of literals. */
const literalsOf = (s: Json): unknown[] | undefined => {
  if (s.const !== undefined) return [s.const];
  if (!s.anyOf) return undefined;
  const parts = s.anyOf.map(literalsOf);
  return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
};

/** The schema without its `null`: `type: [t, 'null']` (the kernel's Nullable) or `anyOf: [t, null]`. */
const withoutNull = (s: Json, where: string): { schema: Json; nullable: boolean } => {
  if (Array.isArray(s.type)) {
    const others = s.type.filter((t) => t !== 'null');
    if (others.length !== 1) throw unsupported(where, `a schema of several types (${s.type.join(', ')})`);
    return { schema: { ...s, type: others[0] }, nullable: others.length < s.type.length };
  }
  if (!s.anyOf) return { schema: s, nullable: false };
  const members = s.anyOf.filter((m) => m.type !== 'null');
  const nullable = members.length < s.anyOf.length;
  if (members.length === 1 && members[0]) {
    const inner = withoutNull(members[0], where);
    return { schema: inner.schema, nullable: nullable || inner.nullable };
  }
  return { schema: nullable ? { ...s, anyOf: members } : s, nullable };
};

const literalShape = (values: unknown[], schema: Json, where: string, policy: SchemaTypePolicy): SchemaShape => {
  const types = new Set(values.map((v) => typeof v));
  if (types.size !== 1) throw unsupported(where, 'a union of literals of different types');
  if (policy.literals === 'scalar') {
    if (types.has('string')) return { kind: 'scalar', name: 'String' };
    if (types.has('boolean')) return { kind: 'scalar', name: 'Boolean' };
    return { kind: 'scalar', name: values.every(Number.isInteger) ? 'Int' : 'Float' };
  }
  const bad = values.find((v) => typeof v !== 'string' || !ENUM_VALUE.test(v) || ['true', 'false', 'null'].includes(v));
  if (bad !== undefined) throw unsupported(where, `a union of literals with ${JSON.stringify(bad)}, not a GraphQL enum value`);
  return { kind: 'enum', schema: schema as TSchema, values: values as string[] };
};

const integerShape = (s: Json): SchemaShape => {
  const above = [s.maximum, s.exclusiveMaximum].some((m) => typeof m === 'number' && m > INT_MAX);
  const below = [s.minimum, s.exclusiveMinimum].some((m) => typeof m === 'number' && m < INT_MIN);
  // Money in minor units and other integers that may leave 32 bits travel as Float (exact up to 2^53).
  return { kind: 'scalar', name: above || below ? 'Float' : 'Int' };
};

const shapeOf = (s: Json, where: string, policy: SchemaTypePolicy): SchemaShape => {
  const literals = literalsOf(s);
  if (literals) return literalShape(literals, s, where, policy);
  if ((s.const === undefined && !s.anyOf && isFreeJson(s)) || isJsonUnion(s)) return { kind: 'scalar', name: 'JSON' };
  if (s.anyOf) throw unsupported(where, 'a union of several kinds of values');
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return { kind: 'scalar', name: 'ID' };
      return { kind: 'scalar', name: s.format === 'date-time' ? (policy.dateTimes ?? 'DateTime') : 'String' };
    case 'integer':
      return integerShape(s);
    case 'number':
      return { kind: 'scalar', name: 'Float' };
    case 'boolean':
      return { kind: 'scalar', name: 'Boolean' };
    case 'array': {
      if (typeof s.items !== 'object' || s.items === null || Array.isArray(s.items)) throw unsupported(where, 'a tuple');
      const item = fieldOf(s.items as TSchema, `${where}[]`, policy);
      if (item.shape.kind === 'list') throw unsupported(where, 'a list of lists');
      return { kind: 'list', item };
    }
    default:
      if (isObject(s)) return { kind: 'object', schema: s };
      throw unsupported(where, `a schema of kind ${String(s[Kind] ?? s.type ?? 'unknown')}`);
  }
};

/** One schema as a GraphQL field; `where` (Type.field) names it in errors. */
const fieldOf = (schema: TSchema, where: string, policy: SchemaTypePolicy): SchemaField => {
  const { schema: inner, nullable } = withoutNull(schema as Json, where);
  const description = [schema as Json, inner].map((s) => s.description).find((d) => typeof d === 'string') as string | undefined;
  const shape = shapeOf(inner, where, policy);
  // Unknown allows null itself.
  const orNull = nullable || (shape.kind === 'scalar' && shape.name === 'JSON' && !inner.type && !inner.anyOf);
  return { shape, nullable: orNull, ...(description === undefined ? {} : { description }) };
};

/** The properties of an object schema as GraphQL fields; an optional property is nullable. */
export const fieldsOf = (schema: TObject, typeName: string, policy: SchemaTypePolicy, skip: ReadonlySet<string>) => {
  const required = new Set((schema as Json).required ?? []);
  return Object.entries(schema.properties)
    .filter(([key]) => !skip.has(key))
    .map(([key, property]) => {
      const field = fieldOf(property, `${typeName}.${key}`, policy);
      return { key, field: required.has(key) ? field : { ...field, nullable: true } };
    });
};
