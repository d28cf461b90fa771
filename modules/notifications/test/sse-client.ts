import { request } from 'node:http';

/** One server-sent event as a client reads it (`comment` for a `:` line). */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

export interface SseClient {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly events: SseEvent[];
  /** The first event from now on (or already read after `from`) that `match` accepts. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the response. */
  readonly ended: Promise<void>;
  close(): void;
}

const parseBlock = (block: string): SseEvent => {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) return { event: 'comment', data: line.slice(1).trim() };
    const at = line.indexOf(':');
    const name = at < 0 ? line : line.slice(0, at);
    fields[name] = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
  }
  return { event: fields.event ?? 'message', data: fields.data ?? '', ...(fields.id ? { id: fields.id } : {}) };
};

/** A real HTTP client of a text/event-stream answer (what a browser's EventSource does, with headers). */
export const openSse = (url: string, headers: Record<string, string>): Promise<SseClient> =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          events.push(parseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      });
      const ended = new Promise<void>((done) => res.on('close', done));
      let seen = 0;
      const next = (match: (e: SseEvent) => boolean, timeoutMs = 10_000) =>
        new Promise<SseEvent>((found, fail) => {
          const check = () => {
            for (; seen < events.length; ) {
              const e = events[seen++] as SseEvent;
              if (match(e)) {
                waiters.delete(check);
                clearTimeout(timer);
                found(e);
                return;
              }
            }
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(new Error(`no matching event within ${timeoutMs} ms; read: ${JSON.stringify(events)}`));
          }, timeoutMs);
          waiters.add(check);
          check();
        });
      resolve({ status: res.statusCode ?? 0, headers: res.headers, events, next, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
