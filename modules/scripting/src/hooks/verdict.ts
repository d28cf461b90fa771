import type { Json, RunResult } from '@rustok/sandbox';

/** What a validate hook decided: accept, reject with its message, or no verdict (the run failed or answered something else). */
export type Verdict =
  | { readonly kind: 'accept' }
  | { readonly kind: 'reject'; readonly message: string }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

const MAX_MESSAGE = 500;

const isObject = (value: Json): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A hook accepts by returning nothing, `true` or `{ ok: true }`, and rejects by returning
 * `{ ok: false, message }` (a non-empty string, cut to 500 characters). Anything else, and every
 * failed run, is no verdict.
 */
export const verdictOf = (result: RunResult): Verdict => {
  if (!result.ok) return { kind: 'failed', code: result.code, message: result.message };
  const out = result.output;
  if (out === null || out === true || (isObject(out) && out.ok === true)) return { kind: 'accept' };
  if (isObject(out) && out.ok === false && typeof out.message === 'string' && out.message.trim() !== '')
    return { kind: 'reject', message: out.message.trim().slice(0, MAX_MESSAGE) };
  return {
    kind: 'failed',
    code: 'SCRIPT_OUTPUT_INVALID',
    message: 'A validate hook returns nothing, true, { ok: true } or { ok: false, message }',
  };
};

/** The output a run is recorded with: a verdict that is no verdict fails the run. */
export const recordedResult = (result: RunResult, verdict: Verdict): RunResult => {
  if (!result.ok || verdict.kind !== 'failed') return result;
  const { output: _output, ...stats } = result;
  return { ...stats, ok: false, code: 'SCRIPT_OUTPUT_INVALID', message: verdict.message };
};
