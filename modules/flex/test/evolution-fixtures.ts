import { caller, ok, type TestPlatform } from '@rustok/testing';

/** Shapes and helpers of the schema evolution tests (evolution*.test.ts). */

export type Headers = Record<string, string>;
export type FieldError = { path: string; message: string };
export type Problem = { code: string; errors?: FieldError[] };
export type Status = { state: string; invalid: number };
export type Schema = { version: number; fields: Record<string, unknown>[]; validationStatus: Status };
export type Change = { key: string; change: string; destructive: boolean; to?: string };
export type Preview = { version: number; changes: Change[]; invalid: number; sample: { entryId: string; errors: FieldError[] }[] };
export type Validation = Status & { version: number; entries: { entryId: string; errors: FieldError[] }[]; nextCursor: string | null };

/**
 * Polls a schema's validation status (the revalidation runs outside the request) until it is no longer in
 * progress; 10 s at most. `schema` is its path, `/flex/schemas/<slug>`.
 */
export const settledWith =
  (p: () => TestPlatform, headers: () => Headers) =>
  async (schema: string, query = ''): Promise<Validation> => {
    const started = Date.now();
    for (;;) {
      const status = await ok<Validation>(caller(p())('GET', `${schema}/validation${query}`, headers()));
      if (status.state !== 'in_progress') return status;
      if (Date.now() - started > 10_000) throw new Error('revalidation still in progress after 10 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
