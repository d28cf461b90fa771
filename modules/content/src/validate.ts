import { createValidator } from '@rustok/kernel';
import type { Static, TSchema } from '@sinclair/typebox';

const cache = new WeakMap<TSchema, (value: unknown) => unknown>();

/**
 * Checks a use-case input against its schema (REST has checked it already; GraphQL and direct
 * callers such as other modules have not). Throws VALIDATION_FAILED (422) listing every field.
 */
export const parseInput = <S extends TSchema>(schema: S, value: unknown): Static<S> => {
  let parse = cache.get(schema);
  if (!parse) {
    const validator = createValidator(schema, '/');
    parse = (v) => validator.parse(v);
    cache.set(schema, parse);
  }
  return parse(value) as Static<S>;
};
