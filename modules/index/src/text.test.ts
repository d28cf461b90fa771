import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.js';
import { htmlToText, loosePrefixQuery, prefixQuery, preview, queryWords, searchConfigOf, usesOperators } from './text.js';

describe('index text helpers', () => {
  it('maps locales to text search configurations, unknown ones to simple', () => {
    expect(['en', 'ru', 'pt-BR', 'de', 'ja', 'xx'].map(searchConfigOf)).toEqual([
      'english',
      'russian',
      'portuguese',
      'german',
      'simple',
      'simple',
    ]);
  });

  it('builds prefix queries from words only, so no query syntax gets through', () => {
    expect(queryWords("Red  shoe's & <b>|!")).toEqual(['red', 'shoe', 's', 'b']);
    expect(prefixQuery('кроссовки беговые')).toBe('кроссовки:* & беговые:*');
    expect(prefixQuery('&|!():*')).toBe('');
    expect(loosePrefixQuery('jaket obsevratory x')).toBe('jak:* | obsev:*');
    expect(usesOperators('"red shoes"')).toBe(true);
    expect(usesOperators('shoes -red')).toBe(true);
    expect(usesOperators('shoes or boots')).toBe(true);
    expect(usesOperators('red-shoes orange')).toBe(false);
  });

  it('turns sanitized HTML into text and cuts previews at a word', () => {
    expect(htmlToText('<h1>Hi</h1><p>Tom &amp; Jerry<script>x()</script></p>')).toBe('Hi Tom & Jerry');
    expect(preview('one two three four', 12)).toBe('one two…');
    expect(preview('short', 12)).toBe('short');
  });
});

describe('index cron schedule', () => {
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
