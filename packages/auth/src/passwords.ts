import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import type { FieldError } from '@rustok/kernel';
import type { AuthConfig } from './context.js';

/** argon2id cost, from `auth.argon2_memory_kib` and `auth.argon2_passes`. */
export type PasswordCost = Pick<AuthConfig, 'argon2_memory_kib' | 'argon2_passes'>;

const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

const argonOptions = (cost: PasswordCost) => ({ memoryCost: cost.argon2_memory_kib, timeCost: cost.argon2_passes, parallelism: 1 });

/** An argon2id hash in PHC string form (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`). */
export const hashPassword = (password: string, cost: PasswordCost): Promise<string> => hash(password, argonOptions(cost));

/** Whether the password matches the hash; a malformed hash never matches. */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

const dummyHashes = new Map<string, Promise<string>>();

/** A hash of a random secret with the given cost, made once per cost and process. */
const dummyHash = (cost: PasswordCost): Promise<string> => {
  const key = `${cost.argon2_memory_kib}:${cost.argon2_passes}`;
  let found = dummyHashes.get(key);
  if (!found) {
    found = hashPassword(randomBytes(32).toString('base64url'), cost);
    dummyHashes.set(key, found);
  }
  return found;
};

/**
 * Verifies against the user's hash, or, when there is no such user, against a dummy hash of the
 * same cost: both answers take about as long, so timing does not tell which accounts exist.
 */
export const verifyPasswordOrDummy = async (passwordHash: string | undefined, password: string, cost: PasswordCost): Promise<boolean> => {
  if (passwordHash === undefined) {
    await verifyPassword(await dummyHash(cost), password);
    return false;
  }
  return verifyPassword(passwordHash, password);
};

/** Whether a stored hash was made with another algorithm or cost than the configured one. */
export const needsRehash = (passwordHash: string, cost: PasswordCost): boolean => {
  try {
    const parsed = parseOptions(passwordHash);
    return parsed.algorithm !== ARGON2ID || parsed.memoryCost !== cost.argon2_memory_kib || parsed.timeCost !== cost.argon2_passes;
  } catch {
    return true;
  }
};

/** The password policy: 8 to 128 characters, not the account's e-mail address. */
export const passwordProblems = (password: string, email: string): FieldError[] => {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [{ path: '/password', message: `must have at least ${PASSWORD_MIN_LENGTH} characters` }];
  if (length > PASSWORD_MAX_LENGTH) return [{ path: '/password', message: `must have at most ${PASSWORD_MAX_LENGTH} characters` }];
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return [{ path: '/password', message: 'must not be the e-mail address' }];
  }
  return [];
};
