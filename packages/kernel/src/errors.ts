/**
 * One error type for the whole platform. Expected business failures carry a stable
 * SCREAMING_SNAKE code and an HTTP status; the API layer turns them into problem+json
 * (REST) or `extensions.code` (GraphQL). Anything that is not an AppError is unexpected.
 * Every code is declared once in an error catalogue (`defineErrors`, error-catalogue.ts); outside
 * production, constructing an AppError with an undeclared code throws a TypeError.
 */
export interface FieldError {
  /** JSON-pointer-like path of the failing field, e.g. `/variants/0/sku` or `settings.rustok.events.transport`. */
  readonly path: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly status?: number;
  readonly title?: string;
  readonly errors?: readonly FieldError[];
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** Every code a catalogue declares (`defineErrors`), with its owner; filled as the catalogues load. */
const declaredCodes = new Map<string, string>();

/** Outside production an AppError with a code no catalogue declares is a defect: it throws at once. */
const checksCodes = (process.env.RUSTOK_ENV ?? process.env.NODE_ENV ?? 'development') !== 'production';

/** Records a catalogue's codes (called by `defineErrors`); a code keeps its first owner. */
export const declareErrorCodes = (owner: string, codes: readonly string[]): void => {
  for (const code of codes) {
    if (!CODE_PATTERN.test(code)) throw new TypeError(`Error code "${code}" is not SCREAMING_SNAKE with a module prefix`);
    if (!declaredCodes.has(code)) declaredCodes.set(code, owner);
  }
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly errors: readonly FieldError[];
  readonly meta: Readonly<Record<string, unknown>>;

  constructor(code: string, detail: string, options: AppErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    if (!CODE_PATTERN.test(code)) throw new TypeError(`Error code "${code}" is not SCREAMING_SNAKE with a module prefix`);
    if (checksCodes && !declaredCodes.has(code))
      throw new TypeError(`Error code "${code}" is not declared by any error catalogue (defineErrors)`);
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.title = options.title ?? defaultTitle(this.status);
    this.errors = options.errors ?? [];
    this.meta = options.meta ?? {};
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/**
 * The string `code` an error carries, if any: an AppError's catalogued code, a database error's
 * SQLSTATE (PostgreSQL's and PGlite's alike), a library's coded error. Undefined for anything else.
 */
export const errorCodeOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * The same error with its field paths under `at` (e.g. `/schemas/3` before `/fields/0/key`), for a
 * check run on one part of a larger input.
 */
export const errorUnder = (error: AppError, at: string): AppError =>
  new AppError(error.code, error.message, {
    status: error.status,
    title: error.title,
    errors: error.errors.map((e) => ({ ...e, path: `${at}${e.path}` })),
    meta: error.meta,
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });

/** Input that failed validation: lists every failing field at once. */
export const validationError = (errors: readonly FieldError[], detail = 'The request input is invalid'): AppError =>
  new AppError('VALIDATION_FAILED', detail, { status: 422, title: 'Validation failed', errors });

export const notFound = (code: string, detail: string): AppError => new AppError(code, detail, { status: 404, title: 'Not found' });

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const defaultTitle = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
