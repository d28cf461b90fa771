import type { FlexOptions } from '../options.js';
import type { FieldDefinition } from '../schemas.js';
import { checkFields } from './guardrails.js';
import { toJsonSchema } from './json-schema.js';

/**
 * The compile layer: a schema's fields → guardrails → one JSON Schema 2020-12 document of its values;
 * validators of values per schema version; and what the use-cases need from validated values.
 */

/**
 * Checks the fields against the guardrails (FLEX_SCHEMA_TOO_MANY_FIELDS, FLEX_SCHEMA_TOO_DEEP,
 * FLEX_SCHEMA_INVALID with `/fields/<i>/...` errors) and returns the JSON Schema of the values object.
 */
export const compileSchema = (fields: readonly FieldDefinition[], options: FlexOptions): Record<string, unknown> => {
  checkFields(fields, options);
  return toJsonSchema(fields);
};

export type { JsonSchema } from './json-schema.js';
export { type ValuesValidator, validatorFor } from './validator.js';
export {
  prepareValues,
  publicValues,
  referencesOf,
  sanitizeRichText,
  type UniqueValue,
  uniqueValuesOf,
  type ValueReference,
  type Values,
} from './values.js';
