import { uniqueViolationOf } from '@rustok/api';

/** A unique index refused the row; `constraint` narrows it to one index (its name contains the text). */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const name = uniqueViolationOf(error);
  return name !== undefined && (constraint === undefined || name.includes(constraint));
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
