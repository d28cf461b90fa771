import { createOutbound, type ResolvedAddress } from '@rustok/outbound';
import { describeEachBackend, startReceiver } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webhookOptions } from '../src/options.js';
import { deliverDue } from '../src/webhooks/runner.js';
import { createEndpoint, createProduct, deliveriesOf, deliveryOf, type WebhookWorld, webhookWorld } from './helpers.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/**
 * The SSRF guard on the delivery path. This deployment allowlists nothing and its own delivery job is
 * off: the test runs the delivery itself with the outbound clients it chooses (the system's resolver,
 * or a resolver stub whose answer changes: DNS rebinding).
 */
describeEachBackend('webhook delivery behind the address guard', (backend) => {
  let w: WebhookWorld;
  let r: Receiver;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    w = await webhookWorld(backend, { deliver: false, retry_delays_ms: [1, 1, 1, 1], timeout_ms: 300 });
    r = await startReceiver((_req, res) => res.end('ok'));
  });
  afterAll(async () => {
    await r?.close();
    await w?.p.close();
  });

  const run = (outbound: ReturnType<typeof createOutbound>) =>
    deliverDue({ db: w.p.database.db, events: w.p.bus, outbound, options: webhookOptions(w.p.config), logger });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('refuses a literal loopback or private URL when the endpoint is created', async () => {
    for (const url of [
      `${r.base}/x`,
      'http://10.0.0.7/x',
      'http://[::1]:8080/x',
      'http://169.254.169.254/latest/meta-data',
      'ftp://example.com/x',
    ]) {
      const res = await w.call('POST', '/notifications/webhooks', w.admin, { url, eventTypes: ['*'] });
      expect(res.statusCode, url).toBe(422);
      expect(res.json<{ code: string }>().code).toBe('NOTIFICATIONS_URL_REFUSED');
    }
  });

  it('refuses at send time a name that resolves to loopback', async () => {
    const endpoint = await createEndpoint(w, { url: `http://localhost:${r.port}/hook`, eventTypes: ['commerce.product.created'] });
    await createProduct(w, 'Local Chair');
    await expectQueued(endpoint.id);
    await run(createOutbound());
    const [delivery] = await deliveriesOf(w, endpoint.id);
    const { attemptLog } = await deliveryOf(w, delivery?.id ?? '');
    expect(attemptLog.map((a) => a.outcome)).toEqual(['refused']);
    expect(attemptLog[0]?.error).toMatch(/not a public address/);
    expect(r.seen).toHaveLength(0);
    await w.call('DELETE', `/notifications/webhooks/${endpoint.id}`, w.admin);
  });

  it('judges every connection again: a name that turns to loopback after a DNS change is refused', async () => {
    let answer: ResolvedAddress[] = [{ address: '93.184.215.14', family: 4 }];
    const resolve = async () => answer;
    const endpoint = await createEndpoint(w, { url: `http://hooks.shop.test:${r.port}/hook`, eventTypes: ['commerce.product.created'] });
    await createProduct(w, 'Rebound Chair');
    await expectQueued(endpoint.id);
    await run(createOutbound({ resolve })); // a public address: tried (and timed out: no route here)
    answer = [{ address: '127.0.0.1', family: 4 }];
    await pause();
    await run(createOutbound({ resolve })); // the same name now answers loopback: refused
    const [delivery] = await deliveriesOf(w, endpoint.id);
    let log = (await deliveryOf(w, delivery?.id ?? '')).attemptLog;
    expect(log.map((a) => a.outcome)).toEqual(['failed', 'refused']);
    expect(r.seen).toHaveLength(0);
    // Only an allowlist opens loopback: with it the same stub reaches the receiver.
    await pause();
    await run(createOutbound({ resolve, allow: ['127.0.0.1/32'] }));
    log = (await deliveryOf(w, delivery?.id ?? '')).attemptLog;
    expect(log.map((a) => a.outcome)).toEqual(['failed', 'refused', 'delivered']);
    expect(r.seen).toHaveLength(1);
  });

  /** The product's delivery is in the queue (the event consumer ran). */
  const expectQueued = async (endpointId: string) => {
    for (let i = 0; i < 500; i++) {
      if ((await deliveriesOf(w, endpointId)).length > 0) return;
      await pause();
    }
    throw new Error('no delivery queued');
  };
});
