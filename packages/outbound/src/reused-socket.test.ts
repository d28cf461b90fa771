import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOutbound } from './send.js';

// A raw HTTP/1.1 server on loopback whose first connection answers one request and then closes on the
// next one without an answer: what a receiver's keep-alive timeout does to a request sent just as it
// fires. Every later connection answers each request.
const ANSWER = 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok';
let port = 0;
let connections = 0;
let requests = 0;
const server = createServer((socket: Socket) => {
  const n = ++connections;
  let served = 0;
  socket.on('data', (chunk) => {
    // Each request here is one packet with no body: its head ends the chunk.
    if (!chunk.toString('latin1').endsWith('\r\n\r\n')) return;
    requests++;
    if (n === 1 && served === 1) return socket.destroy();
    served++;
    socket.write(ANSWER);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends once more on a new connection when the kept-alive one is closed under its request', async () => {
  const out = createOutbound({ allow: ['127.0.0.1/32'] });
  try {
    const url = `http://127.0.0.1:${port}/hooks`;
    expect(await out.send({ url, method: 'GET' })).toMatchObject({ ok: true, status: 200, body: 'ok' });
    expect(await out.send({ url, method: 'GET' })).toMatchObject({ ok: true, status: 200, body: 'ok' });
    // The second request went out twice: on the first connection (closed unanswered), then on a new one.
    expect({ connections, requests }).toEqual({ connections: 2, requests: 3 });
  } finally {
    out.close();
  }
});
