import { expect, it } from 'vitest';
import { createKeyedLimiter } from './limiter.js';

it('holds at most `concurrency` per key, queues up to `queue`, refuses beyond, and hands slots over in order', async () => {
  const limiter = createKeyedLimiter(2, 1);
  const a = await limiter.acquire('t1');
  const b = await limiter.acquire('t1');
  const waiting = limiter.acquire('t1');
  expect(limiter.acquire('t1')).toBeUndefined();
  expect(limiter.load('t1')).toEqual({ active: 2, waiting: 1 });
  expect(await limiter.acquire('t2')).toBeTypeOf('function');
  a?.();
  a?.();
  const c = await waiting;
  expect(limiter.load('t1')).toEqual({ active: 2, waiting: 0 });
  b?.();
  c?.();
  expect(limiter.load('t1')).toEqual({ active: 0, waiting: 0 });
});
