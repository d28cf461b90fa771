/** One server-sent event: its type (`message` when unnamed), its data lines joined, and its id if it had one. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

interface Pending {
  event: string;
  data: string[];
  id: string | undefined;
}

const empty = (): Pending => ({ event: '', data: [], id: undefined });

/** Applies one line's field to the event being read (comments and unknown fields change nothing). */
const apply = (pending: Pending, line: string): void => {
  if (line.startsWith(':')) return;
  const at = line.indexOf(':');
  const name = at < 0 ? line : line.slice(0, at);
  const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
  if (name === 'event') pending.event = value;
  else if (name === 'data') pending.data.push(value);
  else if (name === 'id' && !value.includes('\0')) pending.id = value;
};

/**
 * A reader of a `text/event-stream` body as it arrives in chunks of any size (lines end with LF, CR
 * or CRLF, possibly split between chunks): `push` each chunk; every complete event goes to `onEvent`.
 * An event without data (only comments, `retry`) is not dispatched, as in browsers.
 */
export const sseParser = (onEvent: (event: SseEvent) => void) => {
  let buffer = '';
  let pending = empty();
  const dispatch = (): void => {
    if (pending.data.length > 0) {
      const { event, data, id } = pending;
      onEvent({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
    }
    pending = empty();
  };
  const line = (text: string): void => {
    if (text === '') dispatch();
    else apply(pending, text);
  };
  return {
    push(chunk: string): void {
      buffer += chunk;
      for (let end = buffer.search(/[\r\n]/); end >= 0; end = buffer.search(/[\r\n]/)) {
        // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
        if (buffer[end] === '\r' && end === buffer.length - 1) return;
        const width = buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1;
        line(buffer.slice(0, end));
        buffer = buffer.slice(end + width);
      }
    },
  };
};
