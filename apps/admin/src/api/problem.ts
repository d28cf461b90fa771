/** One field a 422 problem names: a JSON pointer into the request body and what is wrong with it. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** A failed API call: the problem+json answer's status, catalogued code and text, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A body the app itself refused by the API's request schema before sending (its texts are already in the UI's language). */
export class ContractError extends ApiError {
  constructor(message: string, fields: readonly FieldProblem[]) {
    super(422, 'VALIDATION_FAILED', message, fields);
    this.name = 'ContractError';
  }
}

interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly FieldProblem[];
}

/** The ApiError of a non-2xx answer, read from its problem+json body when it has one. */
export const problemOf = async (res: Response): Promise<ApiError> => {
  const body = (await res.json().catch(() => ({}))) as Problem;
  const message = body.detail ?? body.title ?? res.statusText;
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, message, Array.isArray(body.errors) ? body.errors : []);
};
