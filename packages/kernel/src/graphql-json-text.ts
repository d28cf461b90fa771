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

/**
 * The selection (a GraphQL selection set, e.g. `{ items { id title } next }`) whose answer the text
 * for these arguments is verbatim: exactly those keys in that order at every level, each value as
 * GraphQL serialises it, no other keys. A query selecting just that gets the text as it is, with no
 * parsing or projection. `undefined` when no such selection is promised for these arguments.
 */
export type JsonTextShape = (args: Record<string, unknown>) => string | undefined;

export interface JsonTextField {
  readonly resolve: JsonTextResolver;
  readonly shape?: JsonTextShape;
}

const JSON_TEXT = 'rustokJsonText';

/** The `extensions` of a field that can be answered from JSON text (and, with `shape`, from the text as it is). */
export const jsonTextField = (resolve: JsonTextResolver, options: { shape?: JsonTextShape } = {}): Record<string, unknown> => ({
  [JSON_TEXT]: { resolve, shape: options.shape } satisfies JsonTextField,
});

/** The JSON-text declaration of a field, if any. */
export const jsonTextOf = (extensions: Readonly<Record<string, unknown>> | null | undefined): JsonTextField | undefined => {
  const value = extensions?.[JSON_TEXT] as Partial<JsonTextField> | undefined;
  return typeof value?.resolve === 'function' ? (value as JsonTextField) : undefined;
};
