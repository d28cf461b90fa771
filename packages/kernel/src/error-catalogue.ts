import { AppError, declareErrorCodes, defaultTitle, type FieldError } from './errors.js';

/** How a catalogue declares one code: its HTTP status, its title (the status's default title when absent) and what it means. */
export interface ErrorDeclaration {
  readonly status: number;
  readonly title?: string;
  readonly description?: string;
}

/** One code of the catalogue as the API documents and serves it. */
export interface ErrorEntry {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly description: string;
  /** The module or platform package that declares the code. */
  readonly owner: string;
}

/** What a raise site adds to the declaration; `status`/`title` only where one code answers with another status by case. */
export interface RaiseOptions {
  readonly errors?: readonly FieldError[];
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
  readonly status?: number;
  readonly title?: string;
}

/** Raises one code; carries its catalogue entry (`code`, `status`, `title`…) for maps that name codes. */
export type ErrorFactory = ((detail: string, options?: RaiseOptions) => AppError) & ErrorEntry;

/** The frozen result of `defineErrors`: one factory per code, plus the owner and the entries. */
/** Without a type argument: any catalogue (its owner and entries). */
export type ErrorCatalogue<Code extends string = never> = { readonly [K in Code]: ErrorFactory } & {
  readonly owner: string;
  readonly entries: readonly ErrorEntry[];
};

const factory = (entry: ErrorEntry): ErrorFactory => {
  const raise = (detail: string, options: RaiseOptions = {}): AppError =>
    new AppError(entry.code, detail, {
      status: options.status ?? entry.status,
      // A status given at the raise site brings its own default title, as a plain AppError would.
      title: options.title ?? (options.status === undefined ? entry.title : defaultTitle(options.status)),
      ...(options.errors ? { errors: options.errors } : {}),
      ...(options.meta ? { meta: options.meta } : {}),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
  return Object.freeze(Object.assign(raise, entry));
};

/**
 * Declares the error codes of a module or platform package, once:
 * `const blogErrors = defineErrors('blog', { BLOG_POST_NOT_FOUND: { status: 404, title: 'Not found' } })`,
 * then `throw blogErrors.BLOG_POST_NOT_FOUND(\`No blog post ${id}\`)`. Status and title come from
 * the declaration. A module lists its catalogue in `defineModule({ errors: [...] })`; the registry
 * rejects a code declared by two catalogues (KERNEL_ERROR_CODE_DUPLICATE).
 */
export const defineErrors = <const D extends Readonly<Record<string, ErrorDeclaration>>>(
  owner: string,
  declarations: D,
): ErrorCatalogue<Extract<keyof D, string>> => {
  const codes = Object.keys(declarations);
  declareErrorCodes(owner, codes);
  const entries: ErrorEntry[] = [];
  const factories: Record<string, ErrorFactory> = {};
  for (const code of codes) {
    const d = declarations[code] as ErrorDeclaration;
    const entry: ErrorEntry = Object.freeze({
      code,
      status: d.status,
      title: d.title ?? defaultTitle(d.status),
      description: d.description ?? '',
      owner,
    });
    entries.push(entry);
    factories[code] = factory(entry);
  }
  return Object.freeze({ ...factories, owner, entries: Object.freeze(entries) }) as unknown as ErrorCatalogue<Extract<keyof D, string>>;
};
