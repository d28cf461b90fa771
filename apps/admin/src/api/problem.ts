/** A failed API call: the problem+json answer's status, catalogued code and text, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
}

/** The ApiError of a non-2xx answer, read from its problem+json body when it has one. */
export const problemOf = async (res: Response): Promise<ApiError> => {
  const body = (await res.json().catch(() => ({}))) as Problem;
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.detail ?? body.title ?? res.statusText);
};
