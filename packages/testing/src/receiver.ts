import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got, its body read whole. */
export interface Received {
  readonly url: string;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * A real HTTP receiver on 127.0.0.1 (a free port) for the tests: it keeps every request it gets and
 * lets `answer` reply (or not: a request it leaves open never gets an answer).
 */
export const startReceiver = async (answer: (request: Received, res: ServerResponse) => void) => {
  const seen: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const request = { url: req.url ?? '', body, headers: req.headers };
      seen.push(request);
      answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
