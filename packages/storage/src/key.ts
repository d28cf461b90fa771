/**
 * Object keys: `<tenantId>/<path>`, e.g. `7f3c…/media/2026/05/photo.jpg`. The tenant prefix is the caller's
 * business (this package never adds or checks it); every driver only checks that a key is safe to use as a
 * path on disk and as an S3 key: segments of letters, digits, `.`, `_` and `-` joined by single
 * slashes, no `.` or `..` segment, no leading or trailing slash, at most 512 characters.
 */

export const MAX_KEY_LENGTH = 512;

const SEGMENT = /^[A-Za-z0-9._-]+$/;

export type KeyProblem = 'empty' | 'too_long' | 'absolute' | 'trailing_slash' | 'empty_segment' | 'dot_segment' | 'character';

/** What is wrong with a key, or undefined when it is valid. */
export const keyProblem = (key: string): KeyProblem | undefined => {
  if (key.length === 0) return 'empty';
  if (key.length > MAX_KEY_LENGTH) return 'too_long';
  if (key.startsWith('/')) return 'absolute';
  if (key.endsWith('/')) return 'trailing_slash';
  for (const segment of key.split('/')) {
    if (segment.length === 0) return 'empty_segment';
    if (segment === '.' || segment === '..') return 'dot_segment';
    if (!SEGMENT.test(segment)) return 'character';
  }
  return undefined;
};

export const isValidKey = (key: string): boolean => keyProblem(key) === undefined;

/** Thrown by the drivers for a key that fails `keyProblem`: keys are built by code, so a bad one is a bug. */
export class InvalidKey extends Error {
  constructor(
    readonly key: string,
    readonly problem: KeyProblem,
  ) {
    super(`invalid storage key (${problem}): ${JSON.stringify(key.slice(0, 80))}`);
    this.name = 'InvalidKey';
  }
}

export const assertKey = (key: string): string => {
  const problem = keyProblem(key);
  if (problem) throw new InvalidKey(key, problem);
  return key;
};

/**
 * A listing prefix: empty (everything), or a key-like string that may end with `/` or stop mid-segment
 * (`t1/media/ph`). The same rules as keys otherwise.
 */
export const assertPrefix = (prefix: string): string => {
  if (prefix === '') return prefix;
  const problem = keyProblem(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  if (problem) throw new InvalidKey(prefix, problem);
  return prefix;
};
