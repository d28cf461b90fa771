import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { type Describe, type Operation, problemsOf } from './validate.js';

/** Puts an error at a dotted place of a nested errors object (react-hook-form's shape for nested fields). */
const place = (errors: Record<string, unknown>, path: readonly string[], error: { type: string; message: string }): void => {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    errors[head] = error;
    return;
  }
  const child = (errors[head] ?? {}) as Record<string, unknown>;
  errors[head] = child;
  place(child, rest, error);
};

/**
 * A react-hook-form resolver that checks the body a form would send against the operation's
 * request schema — the one the server validates with — before it is sent. `toBody` turns the
 * form's values into that body; a problem of a field the form does not have goes to `root`.
 */
export const contractResolver =
  <T extends FieldValues>(operation: Operation, toBody: (values: T) => unknown, describe: Describe): Resolver<T> =>
  async (values) => {
    const problems = problemsOf(operation, toBody(values), describe);
    if (problems.length === 0) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const { path, message } of problems) {
      const parts = path.split('/').filter(Boolean);
      const known = parts.length > 0 && parts[0] !== undefined && parts[0] in values;
      place(errors, known ? parts : ['root'], { type: 'contract', message: known ? message : `${path || '/'} ${message}` });
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
