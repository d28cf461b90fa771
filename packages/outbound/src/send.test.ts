import { type Received, startReceiver } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedAddress } from './guard.js';
import { createOutbound } from './send.js';

// A receiver on loopback (a real HTTP server in the test), reached only when the allowlist opens it.
describe('outbound: requests to tenant-supplied URLs', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let port: number;
  let received: readonly Received[];

  beforeAll(async () => {
    receiver = await startReceiver((req, res) => {
      if (req.url === '/slow') return; // never answers
      if (req.url === '/big') return res.end('x'.repeat(200_000));
      res.writeHead(req.url === '/gone' ? 410 : 200, { 'content-type': 'text/plain' }).end(`got ${req.body}`);
    });
    port = receiver.port;
    received = receiver.seen;
  });
  afterAll(() => receiver.close());

  it('refuses what the URL alone tells: another scheme, credentials, a literal private address', async () => {
    const out = createOutbound();
    expect(await out.send({ url: 'ftp://example.com/x' })).toMatchObject({ ok: false, reason: 'scheme' });
    expect(await out.send({ url: 'https://user:pw@example.com/' })).toMatchObject({ ok: false, reason: 'credentials' });
    expect(await out.send({ url: 'not a url' })).toMatchObject({ ok: false, reason: 'url' });
    for (const url of ['http://127.0.0.1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.1]/'])
      expect(await out.send({ url }), url).toMatchObject({ ok: false, reason: 'address' });
    out.close();
  });

  it('refuses a name resolving to loopback at connect time: the receiver never sees the request', async () => {
    const before = received.length;
    const out = createOutbound({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const result = await out.send({ url: `http://hooks.shop.test:${port}/hook`, body: '{}' });
    expect(result).toMatchObject({ ok: false, reason: 'address' });
    expect(received.length).toBe(before);
    // The system resolver: localhost is loopback too.
    const system = createOutbound();
    expect(await system.send({ url: `http://localhost:${port}/hook` })).toMatchObject({ ok: false, reason: 'address' });
    out.close();
    system.close();
  });

  it('checks every resolution when it connects: a name that changes its answer (DNS rebinding) is refused then', async () => {
    let answer: ResolvedAddress[] = [{ address: '127.0.0.1', family: 4 }];
    // 127.0.0.1 stands for the public address the name first had: the allowlist opens it, and nothing else.
    const out = createOutbound({ allow: ['127.0.0.1/32'], resolve: async () => answer });
    const first = await out.send({ url: `http://erp.shop.test:${port}/hook`, body: 'one', headers: { 'content-type': 'text/plain' } });
    expect(first).toMatchObject({ ok: true, status: 200, body: 'got one' });
    out.close(); // no kept-alive connection to reuse: the next request connects again
    answer = [{ address: '127.0.0.2', family: 4 }];
    const second = await out.send({ url: `http://erp.shop.test:${port}/hook`, body: 'two' });
    expect(second).toMatchObject({ ok: false, reason: 'address' });
    expect(received.map((r) => r.body)).not.toContain('two');
    // A name with one good and one bad address is refused as a whole.
    answer = [
      { address: '127.0.0.1', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ];
    expect(await out.send({ url: `http://erp.shop.test:${port}/hook`, body: 'three' })).toMatchObject({ ok: false, reason: 'address' });
    out.close();
  });

  it('answers with the status, headers and body; keeps a capped excerpt; gives up at the deadline', async () => {
    const out = createOutbound({ allow: ['127.0.0.1'] });
    const gone = await out.send({ url: `http://127.0.0.1:${port}/gone`, body: 'x' });
    expect(gone).toMatchObject({ ok: true, status: 410, body: 'got x', truncated: false });
    const big = await out.send({ url: `http://127.0.0.1:${port}/big`, method: 'GET', maxResponseBytes: 1_000 });
    expect(big).toMatchObject({ ok: true, status: 200, truncated: true });
    expect(big.ok && big.body.length).toBe(1_000);
    const started = performance.now();
    const slow = await out.send({ url: `http://127.0.0.1:${port}/slow`, body: 'wait', timeoutMs: 300 });
    expect(slow).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3_000);
    const closed = await out.send({ url: 'http://127.0.0.1:1/', body: 'x', timeoutMs: 2_000 });
    expect(closed).toMatchObject({ ok: false, reason: 'network' });
    out.close();
  });
});
