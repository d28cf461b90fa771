import { testConfig } from '@rustok/testing';
import { describe, expect, it } from 'vitest';
import { createLoginLimiter, createMemoryCounterStore, type LimiterConfig } from './limiter.js';
import { createClock } from './test-fixtures/clock.js';
import { refusal } from './test-fixtures/errors.js';

const config: LimiterConfig = {
  ...testConfig().auth,
  lockout_threshold: 3,
  lockout_window_seconds: 60,
  lockout_seconds: 300,
  ip_attempts_per_minute: 5,
};

describe('login limiter', () => {
  it('locks an account after the threshold of failures, for lockout_seconds', async () => {
    const clock = createClock(1_000_000);
    const limiter = createLoginLimiter({ config, now: clock.now });
    for (let i = 1; i <= 3; i++) {
      await limiter.beforeAttempt({ account: 'acc' });
      expect(await limiter.recordFailure('acc')).toBe(i === 3);
    }
    const locked = await refusal(limiter.beforeAttempt({ account: 'acc' }));
    expect({ code: locked.code, status: locked.status, meta: locked.meta }).toEqual({
      code: 'AUTH_ACCOUNT_LOCKED',
      status: 429,
      meta: { retryAfterSeconds: 300 },
    });
    clock.advance(299_000);
    expect((await refusal(limiter.beforeAttempt({ account: 'acc' }))).meta).toEqual({ retryAfterSeconds: 1 });
    await limiter.beforeAttempt({ account: 'other' });
    clock.advance(1_000);
    await expect(limiter.beforeAttempt({ account: 'acc' })).resolves.toBeUndefined();
  });

  it('forgets failures after a success and outside the window', async () => {
    const clock = createClock();
    const limiter = createLoginLimiter({ config, now: clock.now });
    await limiter.recordFailure('acc');
    await limiter.recordFailure('acc');
    await limiter.recordSuccess('acc');
    expect(await limiter.recordFailure('acc')).toBe(false);
    expect(await limiter.recordFailure('acc')).toBe(false);
    clock.advance(60_000);
    expect(await limiter.recordFailure('acc')).toBe(false);
    await expect(limiter.beforeAttempt({ account: 'acc' })).resolves.toBeUndefined();
  });

  it('limits attempts per IP and minute, whatever the account', async () => {
    const clock = createClock(5_000_000);
    const limiter = createLoginLimiter({ config, now: clock.now });
    for (let i = 0; i < 5; i++) await limiter.beforeAttempt({ account: `acc${i}`, ip: '203.0.113.7' });
    clock.advance(20_000);
    const limited = await refusal(limiter.beforeAttempt({ account: 'fresh', ip: '203.0.113.7' }));
    expect({ code: limited.code, status: limited.status, meta: limited.meta }).toEqual({
      code: 'AUTH_RATE_LIMITED',
      status: 429,
      meta: { retryAfterSeconds: 40 },
    });
    await expect(limiter.beforeAttempt({ account: 'fresh', ip: '203.0.113.8' })).resolves.toBeUndefined();
    clock.advance(40_000);
    await expect(limiter.beforeAttempt({ account: 'fresh', ip: '203.0.113.7' })).resolves.toBeUndefined();
  });

  it('keeps the in-process store bounded', async () => {
    const store = createMemoryCounterStore({ maxKeys: 10 });
    for (let i = 0; i < 50; i++) await store.increment(`k${i}`, 60_000, 0);
    let present = 0;
    for (let i = 0; i < 50; i++) if (await store.read(`k${i}`, 0)) present++;
    expect(present).toBeLessThanOrEqual(10);
    expect(await store.read('k49', 0)).toEqual({ count: 1, resetAt: 60_000 });
    expect(await store.read('k49', 60_000)).toBeUndefined();
  });
});
