import { describe, expect, it } from 'vitest';
import { dueMinute } from './cron-due.js';

describe('dueMinute', () => {
  const at = (hh: number, mm: number, ss = 0) => new Date(2026, 11, 5, hh, mm, ss);

  it('finds the latest matching minute after the last firing', () => {
    expect(dueMinute('*/5 * * * *', at(10, 1), at(10, 12, 30), 0)).toEqual(at(10, 10));
    expect(dueMinute('* * * * *', at(10, 1, 10), at(10, 2, 5), 0)).toEqual(at(10, 2));
  });

  it('is not due before the next match or within the minimum interval', () => {
    expect(dueMinute('*/5 * * * *', at(10, 10), at(10, 14, 59), 0)).toBeUndefined();
    expect(dueMinute('* * * * *', at(10, 1), at(10, 3), 5 * 60_000)).toBeUndefined();
    expect(dueMinute('* * * * *', at(10, 1), at(10, 6), 5 * 60_000)).toEqual(at(10, 6));
  });

  it('fires once for a long idle schedule', () => {
    expect(dueMinute('0 * * * *', at(1, 0), at(9, 30), 0)).toEqual(at(9, 0));
  });
});
