/**
 * The database's own error behind `error`: the transaction runner answers a unique violation as a
 * coded 409 (DATA_DUPLICATE) with the database error as its cause.
 */
export const databaseErrorOf = (error: unknown): unknown =>
  error instanceof Error && (error as { code?: unknown }).code === 'DATA_DUPLICATE' && error.cause !== undefined ? error.cause : error;

/** A unique index refused the row; `constraint` narrows it to one index (its name contains the text). */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const e = databaseErrorOf(error) as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (e?.code !== '23505') return false;
  if (constraint === undefined) return true;
  return String(e.constraint ?? e.message ?? '').includes(constraint);
};

/** Builds `$n` placeholders while collecting their values. */
export const sqlParams = () => {
  const values: unknown[] = [];
  return {
    values,
    add: (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    },
  };
};
