import { AppError } from '@rustok/kernel';

/** Runs `fn` and returns the AppError it throws; fails when it throws something else or nothing. */
export const catchAppError = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError to be thrown');
};
