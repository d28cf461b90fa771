import type { AppError, ErrorFactory, FieldError } from '@rustok/kernel';
import { apiErrors } from './errors.js';

/**
 * PostgreSQL errors that a request can cause with its input or by racing another request (a
 * constraint, a value the column type refuses), as coded 4xx errors. Use-cases map the failures
 * they expect to their own codes; this is the one place for the rest, so none of them is a 500.
 * The answer names the column when PostgreSQL does, never the constraint, the table or the values.
 */
export interface DatabaseErrorCode {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
}

interface KnownDatabaseError extends DatabaseErrorCode {
  readonly raise: ErrorFactory;
}

/** A DATA_* code of the api catalogue; its description is the detail of the answer. */
const entry = (raise: ErrorFactory): KnownDatabaseError => ({
  code: raise.code,
  status: raise.status,
  title: raise.title,
  detail: raise.description,
  raise,
});

/** The codes this mapping answers with (for the error catalogue and the docs). */
export const DATABASE_ERROR_CODES = {
  duplicate: entry(apiErrors.DATA_DUPLICATE),
  referenceMissing: entry(apiErrors.DATA_REFERENCE_NOT_FOUND),
  stillReferenced: entry(apiErrors.DATA_STILL_REFERENCED),
  constraint: entry(apiErrors.DATA_CONSTRAINT_VIOLATED),
  invalidValue: entry(apiErrors.DATA_INVALID_VALUE),
  concurrent: entry(apiErrors.DATA_CONCURRENT_UPDATE),
} as const;

const BY_SQLSTATE: Readonly<Record<string, KnownDatabaseError>> = {
  '23505': DATABASE_ERROR_CODES.duplicate, // unique_violation
  '23514': DATABASE_ERROR_CODES.constraint, // check_violation
  '23502': DATABASE_ERROR_CODES.constraint, // not_null_violation
  '23P01': DATABASE_ERROR_CODES.constraint, // exclusion_violation
  '22P02': DATABASE_ERROR_CODES.invalidValue, // invalid_text_representation
  '22003': DATABASE_ERROR_CODES.invalidValue, // numeric_value_out_of_range
  '22007': DATABASE_ERROR_CODES.invalidValue, // invalid_datetime_format
  '22008': DATABASE_ERROR_CODES.invalidValue, // datetime_field_overflow
  '22001': DATABASE_ERROR_CODES.invalidValue, // string_data_right_truncation
  '22021': DATABASE_ERROR_CODES.invalidValue, // character_not_in_repertoire (e.g. U+0000)
  '22023': DATABASE_ERROR_CODES.invalidValue, // invalid_parameter_value
  '22P05': DATABASE_ERROR_CODES.invalidValue, // untranslatable_character
  '40001': DATABASE_ERROR_CODES.concurrent, // serialization_failure
  '40P01': DATABASE_ERROR_CODES.concurrent, // deadlock_detected
};

interface PgErrorShape {
  readonly code?: unknown;
  readonly severity?: unknown;
  readonly column?: unknown;
  readonly constraint?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error (from `pg` or PGlite) in an error or its cause chain, if any. */
const pgErrorIn = (error: unknown, depth = 0): PgErrorShape | undefined => {
  if (depth > 3 || error === null || typeof error !== 'object') return undefined;
  const e = error as PgErrorShape;
  if (typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string') return e;
  return pgErrorIn(e.cause, depth + 1);
};

/** Deleting a referenced row reads "update or delete on table … violates foreign key constraint …". */
const isDeleteOfReferenced = (e: PgErrorShape) => typeof e.message === 'string' && e.message.startsWith('update or delete on table');

const codeFor = (e: PgErrorShape): KnownDatabaseError | undefined => {
  if (e.code === '23503') return isDeleteOfReferenced(e) ? DATABASE_ERROR_CODES.stillReferenced : DATABASE_ERROR_CODES.referenceMissing;
  return BY_SQLSTATE[e.code as string];
};

/** A coded AppError for a PostgreSQL error that input or a race can cause; undefined for anything else. */
export const databaseAppError = (error: unknown): AppError | undefined => {
  const pg = pgErrorIn(error);
  const known = pg && codeFor(pg);
  if (!pg || !known) return undefined;
  const errors: FieldError[] = typeof pg.column === 'string' && pg.column ? [{ path: pg.column, message: known.detail }] : [];
  return known.raise(known.detail, { errors, cause: error });
};

const CONSTRAINT_IN_MESSAGE = /unique constraint "([^"]+)"/;

/**
 * The name of the unique constraint (or index) a write broke: from the database error itself, or from
 * the 409 DATA_DUPLICATE that `inTenant` answers it with (the database error is its cause); undefined
 * for any other error. Use-cases map the constraints they expect to their own codes with it.
 */
export const uniqueViolationOf = (error: unknown): string | undefined => {
  const pg = pgErrorIn(error);
  if (pg?.code !== '23505') return undefined;
  if (typeof pg.constraint === 'string' && pg.constraint !== '') return pg.constraint;
  return CONSTRAINT_IN_MESSAGE.exec(String(pg.message ?? ''))?.[1] ?? '';
};
