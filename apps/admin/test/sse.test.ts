import { describe, expect, it } from 'vitest';
import { type SseEvent, sseParser } from '../src/api/sse.js';

const read = (chunks: readonly string[]): SseEvent[] => {
  const events: SseEvent[] = [];
  const parser = sseParser((e) => events.push(e));
  for (const chunk of chunks) parser.push(chunk);
  return events;
};

describe('server-sent events parser', () => {
  it('reads the inbox stream: retry, the count, a notice with its id, comments', () => {
    const stream = [
      'retry: 3000\n\n',
      'event: unread\ndata: {"count":2}\n\n',
      ': ping\n\n',
      'id: 0190abcd\nevent: notification\ndata: {"id":"0190abcd"}\n\n',
    ].join('');
    expect(read([stream])).toEqual([
      { event: 'unread', data: '{"count":2}' },
      { event: 'notification', data: '{"id":"0190abcd"}', id: '0190abcd' },
    ]);
  });

  it('joins an event split anywhere between chunks, also inside a CRLF', () => {
    const text = 'event: unread\r\ndata: {"count":1}\r\n\r\ndata: a\r\n\r\n';
    const whole = read([text]);
    for (let at = 1; at < text.length; at++) expect(read([text.slice(0, at), text.slice(at)])).toEqual(whole);
    expect(read(text.split(''))).toEqual(whole);
    expect(whole).toEqual([
      { event: 'unread', data: '{"count":1}' },
      { event: 'message', data: 'a' },
    ]);
  });

  it('joins data lines, keeps spaces after the first, accepts CR alone and a field without a colon', () => {
    expect(read(['data: one\rdata:  two\rdata\r\r', 'data: next'])).toEqual([{ event: 'message', data: 'one\n two\n' }]);
  });

  it('dispatches nothing without data, and nothing before the blank line', () => {
    expect(read(['event: unread\n\n', 'retry: 10\n\n', 'data: waiting\n'])).toEqual([]);
  });
});
