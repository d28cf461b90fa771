import { type AppError, isAppError } from '@rustok/kernel';

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

/** `"<status> <code>"` of the AppError a promise rejects with. */
export const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  const e = await refusal(promise);
  return `${e.status} ${e.code}`;
};
