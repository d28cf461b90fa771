import { ContractError, type FieldProblem } from '../api/problem.js';
import { operations } from './request-validators.generated.js';

/** One failed rule of a JSON Schema (Ajv's error object, the part read here). */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

type Validator = ((data: unknown) => boolean) & { errors?: readonly SchemaError[] | null };

/** A write of the REST API whose body the admin checks before sending, as `METHOD /api/v1/path/{param}`. */
export type Operation = keyof typeof operations;

/** Says what a failed rule asks for, in the UI's language. */
export type Describe = (error: SchemaError) => string;

/** The field a failed rule is about: a missing or unknown property names itself, others their place. */
const pathOf = (e: SchemaError): string => {
  const child = e.params.missingProperty ?? e.params.additionalProperty;
  return typeof child === 'string' ? `${e.instancePath}/${child}` : e.instancePath;
};

/** What is wrong with a body by the operation's request schema (the server's own), one problem per field; none when it passes. */
export const problemsOf = (operation: Operation, body: unknown, describe: Describe): FieldProblem[] => {
  const validate = operations[operation] as unknown as Validator;
  if (validate(body)) return [];
  const byField = new Map<string, string>();
  for (const e of validate.errors ?? []) if (!byField.has(pathOf(e))) byField.set(pathOf(e), describe(e));
  return [...byField].map(([path, message]) => ({ path, message }));
};

/** Throws the 422 the server would answer (code VALIDATION_FAILED, the fields named), without asking it. */
export const assertValid = (operation: Operation, body: unknown, describe: Describe, title: string): void => {
  const problems = problemsOf(operation, body, describe);
  if (problems.length > 0) throw new ContractError(title, problems);
};
