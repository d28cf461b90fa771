import { randomBytes } from 'node:crypto';
import { kernelErrors } from './kernel-errors.js';

/**
 * ULID-based UUIDs: 48 bits of millisecond time followed by 80 random bits, written as a UUID
 * string so PostgreSQL stores it in a `uuid` column. Ids sort by creation time (good B-tree
 * locality); within one millisecond the random part is incremented, so ids from one process
 * are strictly increasing. Ids are generated in the application (no database extension).
 */
const RANDOM_BYTES = 10;
let lastTime = -1;
const lastRandom = new Uint8Array(RANDOM_BYTES);

const incrementRandom = (): boolean => {
  for (let i = RANDOM_BYTES - 1; i >= 0; i--) {
    const next = (lastRandom[i] ?? 0) + 1;
    lastRandom[i] = next & 0xff;
    if (next <= 0xff) return true;
  }
  return false;
};

export const generateId = (now: number = Date.now()): string => {
  if (now > lastTime) {
    lastRandom.set(randomBytes(RANDOM_BYTES));
    lastTime = now;
  } else if (!incrementRandom()) {
    // The random part wrapped around within one millisecond: move to the next millisecond so
    // the id still sorts after the previous one.
    lastRandom.set(randomBytes(RANDOM_BYTES));
    lastTime += 1;
  }
  const hex = lastTime.toString(16).padStart(12, '0') + Buffer.from(lastRandom).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The smallest id a time can have (its random part all zeros): every id generated before `ms` sorts
 * below it, so `id < firstIdAt(t)` selects rows created before t through an index on the id.
 */
export const firstIdAt = (ms: number): string => {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12) + '0'.repeat(20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const ulidToHex = (ulid: string): string => {
  let value = 0n;
  for (const char of ulid.toUpperCase()) value = (value << 5n) | BigInt(CROCKFORD.indexOf(char));
  return value.toString(16).padStart(32, '0');
};

/** Reads an id given as a UUID or a 26-character ULID; returns the canonical lower-case UUID or a coded error. */
export const parseId = (input: string): string => {
  const text = input.trim();
  let uuid: string | undefined;
  if (UUID_PATTERN.test(text)) uuid = text.toLowerCase();
  else if (ULID_PATTERN.test(text)) {
    const hex = ulidToHex(text);
    uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (uuid === undefined || uuid === NIL_UUID) {
    throw kernelErrors.ID_INVALID(`"${text.slice(0, 64)}" is not a valid id (UUID or ULID expected)`);
  }
  return uuid;
};

export const isId = (input: string): boolean => UUID_PATTERN.test(input) && input !== NIL_UUID;

/** The creation time encoded in an id made by generateId. */
export const idTimestamp = (id: string): Date => new Date(Number.parseInt(parseId(id).replace(/-/g, '').slice(0, 12), 16));
