import { catchAppError } from '@rustok/testing/errors';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstIdAt, generateId, idTimestamp, isId, parseId } from './ids.js';

// Lets one test force randomBytes to return all-0xff bytes (the worst case for the in-millisecond counter).
const randomFill = vi.hoisted(() => ({ value: undefined as number | undefined }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    randomBytes: (size: number) => (randomFill.value === undefined ? actual.randomBytes(size) : Buffer.alloc(size, randomFill.value)),
  };
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** generateId keeps the last time in module state: tests that depend on it get a fresh copy of the module. */
const freshIds = async () => {
  vi.resetModules();
  return import('./ids.js');
};

afterEach(() => {
  randomFill.value = undefined;
});

describe('generateId', () => {
  it('returns a lower-case UUID string', () => {
    const id = generateId();
    expect(id).toHaveLength(36);
    expect(id).toMatch(UUID);
    expect(isId(id)).toBe(true);
    expect(parseId(id)).toBe(id);
  });

  it('encodes Date.now() when no time is given', async () => {
    const ids = await freshIds();
    const before = Date.now();
    const id = ids.generateId();
    const after = Date.now();
    const time = ids.idTimestamp(id).getTime();
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  it('puts the millisecond time in the first 48 bits (idTimestamp round trip)', async () => {
    const ids = await freshIds();
    const now = Date.UTC(2024, 4, 17, 12, 34, 56, 789);
    const id = ids.generateId(now);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe('018f868c5c95');
    expect(ids.idTimestamp(id)).toEqual(new Date(now));
    expect(ids.idTimestamp(id).toISOString()).toBe('2024-05-17T12:34:56.789Z');
  });

  it('is strictly increasing as strings across 10,000 ids made in the same millisecond', async () => {
    const ids = await freshIds();
    const now = Date.UTC(2030, 0, 1);
    const made = Array.from({ length: 10_000 }, () => ids.generateId(now));
    for (let i = 1; i < made.length; i++) {
      if (!((made[i - 1] as string) < (made[i] as string))) {
        throw new Error(`id ${i} (${made[i]}) does not sort after id ${i - 1} (${made[i - 1]})`);
      }
    }
    expect(new Set(made).size).toBe(10_000);
    expect([...made].sort()).toEqual(made);
    expect(made.every((id) => ids.idTimestamp(id).getTime() === now)).toBe(true);
  });

  it('sorts ids of a later millisecond after earlier ones', async () => {
    const ids = await freshIds();
    const now = Date.UTC(2030, 0, 1);
    const first = ids.generateId(now);
    const second = ids.generateId(now + 1);
    expect(second > first).toBe(true);
    expect(ids.idTimestamp(second).getTime()).toBe(now + 1);
  });

  it('keeps increasing when the clock goes backwards', async () => {
    const ids = await freshIds();
    const now = Date.UTC(2030, 0, 1);
    const first = ids.generateId(now);
    const second = ids.generateId(now - 60_000);
    expect(second > first).toBe(true);
    expect(ids.idTimestamp(second).getTime()).toBe(now);
  });

  it('moves to the next millisecond when the random part wraps around', async () => {
    const ids = await freshIds();
    randomFill.value = 0xff;
    const now = Date.UTC(2030, 0, 1);
    const first = ids.generateId(now);
    expect(first).toBe(
      `${now
        .toString(16)
        .padStart(12, '0')
        .replace(/^(.{8})(.{4})$/, '$1-$2')}-ffff-ffff-ffffffffffff`,
    );
    const second = ids.generateId(now);
    expect(second > first).toBe(true);
    expect(ids.idTimestamp(second).getTime()).toBe(now + 1);
  });
});

describe('parseId', () => {
  it('returns a lower-case UUID unchanged', () => {
    expect(parseId('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  });

  it('accepts an upper-case UUID and returns it lower-case', () => {
    expect(parseId('0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B')).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  });

  it('trims surrounding white space', () => {
    expect(parseId('  0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n')).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  });

  it('accepts a 26-character ULID and returns the canonical lower-case UUID', () => {
    expect(parseId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('01563e3a-b5d3-d676-4c61-efb99302bd5b');
    expect(parseId('01arz3ndektsv4rrffq69g5fav')).toBe('01563e3a-b5d3-d676-4c61-efb99302bd5b');
    expect(parseId('7ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
    expect(idTimestamp('01ARZ3NDEKTSV4RRFFQ69G5FAV').getTime()).toBe(1_469_922_850_259);
  });

  it('reads back every id made by generateId', () => {
    for (let i = 0; i < 100; i++) {
      const id = generateId();
      expect(parseId(id.toUpperCase())).toBe(id);
    }
  });

  it.each([
    ['the nil UUID', NIL_UUID],
    ['the nil ULID', '00000000000000000000000000'],
    ['garbage', 'not-an-id'],
    ['an empty string', ''],
    ['white space', '   '],
    ['SQL', "1' OR '1'='1"],
    ['SQL in a UUID', "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'; DROP TABLE users; --"],
    ['a UUID with one character too many', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bc'],
    ['a UUID without dashes', '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b'],
    ['a UUID with a non-hex digit', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g'],
    ['a 27-character ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAVX'],
    ['a ULID above 128 bits', '8ZZZZZZZZZZZZZZZZZZZZZZZZZ'],
    ['a ULID with a letter outside Crockford base 32', '01ARZ3NDEKTSV4RRFFQ69G5FAU'],
  ])('rejects %s with ID_INVALID (400)', (_label, input) => {
    const error = catchAppError(() => parseId(input));
    expect(error.code).toBe('ID_INVALID');
    expect(error.status).toBe(400);
    expect(error.title).toBe('Bad request');
    expect(error.message).toBe(`"${input.trim()}" is not a valid id (UUID or ULID expected)`);
  });

  it('rejects a very long input and quotes only its first 64 characters', () => {
    const input = `${'a'.repeat(64)}${'b'.repeat(1000)}`;
    const error = catchAppError(() => parseId(input));
    expect(error.code).toBe('ID_INVALID');
    expect(error.status).toBe(400);
    expect(error.message).toBe(`"${'a'.repeat(64)}" is not a valid id (UUID or ULID expected)`);
  });

  it('idTimestamp rejects what parseId rejects', () => {
    expect(catchAppError(() => idTimestamp('garbage')).code).toBe('ID_INVALID');
  });

  it('property: any non-nil UUID parses from upper case to the lower-case UUID', () => {
    fc.assert(
      fc.property(
        fc.uuid().filter((x) => x !== NIL_UUID),
        (x) => parseId(x.toUpperCase()) === x.toLowerCase(),
      ),
      { numRuns: 1000 },
    );
  });
});

describe('isId', () => {
  it('accepts UUIDs and refuses the nil UUID, ULIDs and garbage', () => {
    expect(isId('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(true);
    expect(isId('0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B')).toBe(true);
    expect(isId(NIL_UUID)).toBe(false);
    expect(isId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(false);
    expect(isId('garbage')).toBe(false);
    expect(isId(' 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(false);
  });
});

describe('firstIdAt', () => {
  /** The largest id a time can have: its random part all ones. */
  const lastIdAt = (ms: number) => `${firstIdAt(ms).slice(0, 14)}ffff-ffff-ffffffffffff`;
  it('sorts above every id made before the time and at or below every id made from it on', () => {
    const t = Date.UTC(2026, 11, 5, 12);
    expect(idTimestamp(firstIdAt(t)).getTime()).toBe(t);
    expect(isId(firstIdAt(t))).toBe(true);
    expect(isId(lastIdAt(t))).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), (delta) => lastIdAt(t - delta) < firstIdAt(t) && firstIdAt(t) <= lastIdAt(t)),
      { numRuns: 200 },
    );
  });
});
