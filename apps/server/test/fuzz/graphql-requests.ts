import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { anyJson, nastyNumber, nastyString, word } from './values.js';

/** GraphQL operations built from the schema, with wrong argument types, bad cursors and NULs. */

// The CommonJS copy of graphql, which is the one the server's schema was built with.
const { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType } =
  createRequire(import.meta.url)('graphql') as typeof import('graphql');

export interface GraphQLFuzzRequest {
  readonly method: 'GET' | 'POST';
  readonly payload?: string;
  readonly url: string;
  readonly contentType?: string;
  readonly label: string;
}

/** A value as a GraphQL literal (strings escaped as JSON, which GraphQL reads the same way). */
const literal = (value: unknown, enumValue = false): string => {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k));
    return `{${fields.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'string' && enumValue) return value;
  return JSON.stringify(value) ?? 'null';
};

const BAD_CURSORS = ['not-a-cursor', 'eyJpZCI6MX0', '00000000-0000-0000-0000-00000000000g', 'a\u0000b', '1e309', '-1', '{}'];

/** A value for an input type: mostly of that type, sometimes of another, sometimes nasty. */
const inputValue = (type: GraphQLInputType, ids: readonly string[], name: string, depth = 0): fc.Arbitrary<unknown> => {
  const wrong = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null), depth < 2 ? anyJson : fc.constant({}));
  const mostly = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 2, arbitrary: wrong });
  if (isNonNullType(type)) return inputValue(type.ofType, ids, name, depth);
  if (isListType(type)) return mostly(fc.array(inputValue(type.ofType, ids, name, depth + 1), { maxLength: 3 }));
  if (isEnumType(type)) return mostly(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type) && depth < 3) {
    const fields = Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, inputValue(f.type, ids, f.name, depth + 1)]));
    return mostly(fc.record(fields, { requiredKeys: [] }));
  }
  if (name === 'after' || name === 'cursor') return fc.oneof(fc.constantFrom(...BAD_CURSORS), fc.constantFrom(...ids), nastyString);
  switch (isScalarType(type) ? type.name : '') {
    case 'Int':
      return mostly(fc.integer({ min: -5, max: 200 }));
    case 'Float':
      return mostly(fc.double({ min: -5, max: 1e6, noNaN: true }));
    case 'Boolean':
      return mostly(fc.boolean());
    case 'ID':
      return mostly(fc.oneof(fc.constantFrom(...ids), fc.uuid()));
    default:
      return mostly(fc.oneof(fc.constantFrom(...ids), word, nastyString));
  }
};

/** A selection for a type: a few scalar fields and perhaps one nested object, or __typename. */
const selectionFor = (type: GraphQLNamedType, depth = 0): string => {
  if (isUnionType(type)) return '{ __typename }';
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values((type as GraphQLObjectType).getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => {
    const named = getNamedType(f.type);
    return isScalarType(named) || isEnumType(named);
  });
  const nested = depth < 2 ? fields.find((f) => isObjectType(getNamedType(f.type))) : undefined;
  const parts = [
    ...leaves.slice(0, 4).map((f) => f.name),
    ...(nested ? [`${nested.name} ${selectionFor(getNamedType(nested.type), depth + 1)}`] : []),
  ];
  return `{ ${parts.length > 0 ? parts.join(' ') : '__typename'} }`;
};

const operation = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, ids: readonly string[]) => {
  const args = field.args.map((a) =>
    fc.record({
      include: isNonNullType(a.type)
        ? fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })
        : fc.boolean(),
      value: inputValue(a.type, ids, a.name),
      asVariable: fc.boolean(),
      declared: fc.oneof(
        { weight: 5, arbitrary: fc.constant(String(a.type)) },
        { weight: 1, arbitrary: fc.constantFrom('Int', 'String!', '[ID]', 'Boolean') },
      ),
    }),
  );
  return fc.tuple(...args, fc.constant(null)).map((chosen) => {
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const inline: string[] = [];
    field.args.forEach((a, i) => {
      const c = chosen[i] as { include: boolean; value: unknown; asVariable: boolean; declared: string } | null;
      if (!c?.include) return;
      if (c.asVariable) {
        declarations.push(`$${a.name}: ${c.declared}`);
        variables[a.name] = c.value;
        inline.push(`${a.name}: $${a.name}`);
      } else inline.push(`${a.name}: ${literal(c.value, isEnumType(getNamedType(a.type)))}`);
    });
    const head = declarations.length > 0 ? `${kind}(${declarations.join(', ')})` : kind;
    const query = `${head} { ${field.name}${inline.length > 0 ? `(${inline.join(', ')})` : ''} ${selectionFor(getNamedType(field.type))} }`;
    return { query, variables, label: `${kind} ${field.name}` };
  });
};

/** Operations over every root field of the schema. */
export const operationArbitrary = (schema: GraphQLSchema, ids: readonly string[]): fc.Arbitrary<GraphQLFuzzRequest> => {
  const roots = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => operation('query', f, ids)),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => operation('mutation', f, ids)),
  ];
  return fc.oneof(...roots).map(({ query, variables, label }) => ({
    method: 'POST',
    url: '/graphql',
    payload: JSON.stringify({ query, variables }),
    contentType: 'application/json',
    label,
  }));
};

const HASHES = ['0'.repeat(64), 'f'.repeat(64), 'abc', 'Z'.repeat(64)];

/** Request bodies that are not well-formed GraphQL requests, over POST and GET. */
export const malformedArbitrary = (validQuery: string): fc.Arbitrary<GraphQLFuzzRequest> => {
  const field = fc.oneof(anyJson, fc.constant(validQuery), fc.constant(undefined));
  const persisted = fc.record({
    persistedQuery: fc.record(
      { version: fc.oneof(fc.constant(1), anyJson), sha256Hash: fc.oneof(fc.constantFrom(...HASHES), anyJson) },
      { requiredKeys: [] },
    ),
  });
  const object = fc.record(
    {
      query: field,
      variables: fc.oneof(anyJson, fc.constant(undefined)),
      operationName: fc.oneof(anyJson, fc.constant(undefined)),
      extensions: fc.oneof(anyJson, persisted, fc.constant(undefined)),
    },
    { requiredKeys: [] },
  );
  const post = (payload: string, contentType = 'application/json', label = 'malformed body'): GraphQLFuzzRequest => ({
    method: 'POST',
    url: '/graphql',
    payload,
    contentType,
    label,
  });
  const param = fc.oneof(
    nastyString,
    anyJson.map((v) => JSON.stringify(v) ?? ''),
    fc.constant(validQuery),
  );
  return fc.oneof(
    object.map((o) => post(JSON.stringify(o))),
    anyJson.map((v) => post(JSON.stringify(v) ?? 'null')),
    fc.string({ maxLength: 60 }).map((s) => post(s)),
    fc
      .constantFrom(
        '{',
        '{"query":',
        '{"query":"{"}',
        '{"query":"{ modules { slug } }","variables":"{"}',
        '[]',
        '""',
        'null',
        '{"query":"\\u0000"}',
      )
      .map((s) => post(s)),
    fc
      .tuple(
        fc.constantFrom('text/plain', 'application/graphql', 'application/xml', 'multipart/form-data; boundary=x'),
        fc.oneof(fc.string(), fc.constant(validQuery)),
      )
      .map(([type, body]) => post(body, type, `body as ${type}`)),
    fc
      .record(
        {
          query: param,
          variables: param,
          extensions: fc.oneof(
            param,
            persisted.map((p) => JSON.stringify(p)),
          ),
          operationName: param,
        },
        { requiredKeys: [] },
      )
      .map((q) => ({
        method: 'GET' as const,
        url: `/graphql?${new URLSearchParams(Object.entries(q).filter(([, v]) => typeof v === 'string') as [string, string][]).toString()}`,
        label: 'malformed GET',
      })),
  );
};
