import { ApiError } from '../api/problem.js';

/** An API error as the person can act on it: the server's own text, and its code for support. */
export const ErrorNotice = ({ error, id }: { readonly error: Error; readonly id?: string }) => (
  <p className="error" role="alert" id={id}>
    {error.message}
    {error instanceof ApiError ? <small> ({error.code})</small> : null}
  </p>
);
