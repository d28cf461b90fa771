import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.js';

describe('cron schedule (module jobs)', () => {
  const at = (s: string) => new Date(s);
  it('matches minutes, hours, steps, ranges and lists', () => {
    const nightly = parseCron('30 3 * * *');
    expect(nightly.matches(at('2026-01-05T03:30:00'))).toBe(true);
    expect(nightly.matches(at('2026-01-05T03:31:00'))).toBe(false);
    const every15 = parseCron('*/15 9-17 * * 1-5');
    expect(every15.matches(at('2026-01-05T09:45:00'))).toBe(true); // a Monday
    expect(every15.matches(at('2026-01-04T09:45:00'))).toBe(false); // a Sunday
    expect(parseCron('0 0 1,15 * 7').matches(at('2026-01-04T00:00:00'))).toBe(true); // Sunday (7), either day field
  });

  it('refuses malformed expressions, naming the problem', () => {
    expect(() => parseCron('* * *')).toThrow('needs 5 fields');
    expect(() => parseCron('61 * * * *')).toThrow('"61" is not valid here');
    expect(() => parseCron('*/0 * * * *')).toThrow('not valid');
  });
});
