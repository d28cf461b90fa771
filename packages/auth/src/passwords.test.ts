import { testConfig } from '@rustok/testing';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblems, verifyPassword, verifyPasswordOrDummy } from './passwords.js';

const cost = testConfig().auth;

describe('passwords', () => {
  it('hashes with argon2id at the configured cost and verifies', async () => {
    const hash = await hashPassword('correct horse battery', cost);
    expect(hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${cost.argon2_memory_kib},t=${cost.argon2_passes},p=1\\$`));
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery!')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password', cost)).not.toBe(await hashPassword('same password', cost));
  });

  it('never matches a malformed hash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever1')).toBe(false);
  });

  it('checks an unknown user against a dummy hash and refuses', async () => {
    expect(await verifyPasswordOrDummy(undefined, 'any password', cost)).toBe(false);
    const hash = await hashPassword('right one', cost);
    expect(await verifyPasswordOrDummy(hash, 'right one', cost)).toBe(true);
  });

  it('spends about as long on an unknown user as on a wrong password', async () => {
    const hash = await hashPassword('right one', cost);
    await verifyPasswordOrDummy(undefined, 'warm up', cost);
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      for (let i = 0; i < 20; i++) await fn();
      return performance.now() - start;
    };
    const unknown = await time(() => verifyPasswordOrDummy(undefined, 'wrong one', cost));
    const wrong = await time(() => verifyPasswordOrDummy(hash, 'wrong one', cost));
    expect(unknown).toBeGreaterThan(wrong / 4);
  });

  it('asks for a rehash when the cost changed', async () => {
    const hash = await hashPassword('some password', cost);
    expect(needsRehash(hash, cost)).toBe(false);
    expect(needsRehash(hash, { ...cost, argon2_passes: cost.argon2_passes + 1 })).toBe(true);
    expect(needsRehash('garbage', cost)).toBe(true);
  });

  it('applies the policy: 8..128 characters, not the e-mail address', () => {
    expect(passwordProblems('short', 'a@b.co')).toEqual([{ path: '/password', message: 'must have at least 8 characters' }]);
    expect(passwordProblems('x'.repeat(129), 'a@b.co')[0]?.message).toBe('must have at most 128 characters');
    expect(passwordProblems('Ann@Example.com', 'ann@example.com')[0]?.message).toBe('must not be the e-mail address');
    expect(passwordProblems('long enough', 'a@b.co')).toEqual([]);
    expect(passwordProblems('🔑🔑🔑🔑🔑🔑🔑🔑', 'a@b.co')).toEqual([]);
  });
});
