import type { GraphQLContext } from './graphql-builder.js';

/**
 * A root query field whose whole value its module can write as JSON text (e.g. a page of stored
 * read-model items joined as they are). Declared on the field with `extensions: jsonTextField(fn)`
 * beside its ordinary resolver. The API layer may then answer a plain query of that field from the
 * text: the selection is projected from it (each selected field read from the same-named key, a
 * missing key as null), with no resolver run per field. So the text must hold, for every field of
 * the field's type and of the types below it, the value its resolver would give under the field's
 * name. `args` are the field's arguments as GraphQL coerced them, as the resolver gets them.
 */
export type JsonTextResolver = (args: Record<string, unknown>, ctx: GraphQLContext) => Promise<string>;

const JSON_TEXT = 'rustokJsonText';

/** The `extensions` of a field that can be answered from JSON text. */
export const jsonTextField = (resolveText: JsonTextResolver): Record<string, unknown> => ({ [JSON_TEXT]: resolveText });

/** The JSON-text resolver a field declared, if any. */
export const jsonTextOf = (extensions: Readonly<Record<string, unknown>> | null | undefined): JsonTextResolver | undefined => {
  const value = extensions?.[JSON_TEXT];
  return typeof value === 'function' ? (value as JsonTextResolver) : undefined;
};
