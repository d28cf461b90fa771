import { defineErrors } from '@rustok/kernel';

/**
 * Every error code flex raises, with its status and title (see defineErrors in @rustok/kernel).
 * Invalid entry values are the kernel's VALIDATION_FAILED (422), listing each field.
 */
export const flexErrors = defineErrors('flex', {
  FLEX_SCHEMA_NOT_FOUND: { status: 404, title: 'Not found' },
  FLEX_SCHEMA_SLUG_TAKEN: { status: 409, title: 'Conflict' },
  FLEX_SCHEMA_INVALID: { status: 422, title: 'Unprocessable schema' },
  FLEX_SCHEMA_TOO_MANY_FIELDS: { status: 422, title: 'Too many fields' },
  FLEX_SCHEMA_TOO_DEEP: { status: 422, title: 'Fields nested too deep' },
  FLEX_TOO_MANY_SCHEMAS: { status: 409, title: 'Too many schemas' },
  FLEX_SCHEMA_CHANGES_TOO_FREQUENT: { status: 429, title: 'Too many schema changes' },
  FLEX_TARGET_REFUSED: { status: 422, title: 'Target not allowed' },
  FLEX_TARGET_UNKNOWN: { status: 422, title: 'Unknown target' },
  FLEX_ENTRY_NOT_FOUND: { status: 404, title: 'Not found' },
  FLEX_ENTRY_SLUG_TAKEN: { status: 409, title: 'Conflict' },
  FLEX_ENTRY_TOO_LARGE: { status: 422, title: 'Entry too large' },
  FLEX_VALUE_NOT_UNIQUE: { status: 409, title: 'Conflict' },
  FLEX_REFERENCE_NOT_FOUND: { status: 422, title: 'Referenced object not found' },
  FLEX_NOT_ENTRY_SCHEMA: { status: 422, title: 'Not a schema of standalone entries' },
  FLEX_CURSOR_INVALID: { status: 422, title: 'Invalid cursor' },
  FLEX_SCHEMA_CHANGE_NEEDS_MAPPING: { status: 422, title: 'A destructive change needs a mapping' },
  FLEX_ENTITY_NOT_FOUND: { status: 404, title: 'Not found' },
  FLEX_TARGET_MISMATCH: { status: 422, title: 'Schema of another target' },
});
