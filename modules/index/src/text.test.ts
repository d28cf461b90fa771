import { describe, expect, it } from 'vitest';
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
