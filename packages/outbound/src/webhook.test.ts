import { type Received, startReceiver } from '@rustok/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbound } from './send.js';
import { attemptWebhook, newWebhookSecret, nextAttemptAt, RETRY_DELAYS_MS, signatureHeaders } from './webhook.js';

// A receiver on loopback that verifies with the standardwebhooks package, as an integrator's would.
describe('outbound: Standard Webhooks messages', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let base: string;
  let status = 204;
  let seen: readonly Received[];
  const outbound = createOutbound({ allow: ['127.0.0.1'] });

  beforeAll(async () => {
    receiver = await startReceiver((_req, res) => res.writeHead(status).end());
    base = receiver.base;
    seen = receiver.seen;
  });
  afterAll(async () => {
    outbound.close();
    await receiver.close();
  });

  const message = (id: string) => ({ id, timestamp: new Date(), payload: JSON.stringify({ type: 'commerce.product.updated', id }) });
  const verify = (secret: string, at: Received) => new Webhook(secret).verify(at.body, at.headers as Record<string, string>);

  it('delivers a message whose signature the receiver verifies with the standardwebhooks package; endpoint headers never replace its own', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const sent = await attemptWebhook(outbound, {
      url: `${base}/hook`,
      message: message('msg_1'),
      secrets: [secret],
      headers: { 'x-shop': 'one' },
    });
    expect(sent.outcome).toBe('delivered');
    const got = seen.at(-1);
    if (!got) throw new Error('nothing received');
    expect(got.headers['webhook-id']).toBe('msg_1');
    expect(got.headers['x-shop']).toBe('one');
    expect(got.headers['content-type']).toBe('application/json');
    expect(verify(secret, got)).toEqual({ type: 'commerce.product.updated', id: 'msg_1' });
    // Another secret, or a changed body, does not verify.
    expect(() => verify(newWebhookSecret(), got)).toThrow();
    expect(() => verify(secret, { ...got, body: got.body.replace('msg_1', 'msg_2') })).toThrow();
  });

  it('signs with both secrets during a rotation: a receiver holding either one verifies', async () => {
    const [old, fresh] = [newWebhookSecret(), newWebhookSecret()];
    await attemptWebhook(outbound, { url: `${base}/hook`, message: message('msg_2'), secrets: [fresh, old] });
    const got = seen.at(-1);
    if (!got) throw new Error('nothing received');
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(old, got)).toBeTruthy();
    expect(verify(fresh, got)).toBeTruthy();
  });

  it('keeps the message id and signs the same body on a retry', () => {
    const m = message('msg_3');
    const secret = newWebhookSecret();
    const first = signatureHeaders(m, [secret]);
    expect(signatureHeaders(m, [secret])).toEqual(first);
    expect(first['webhook-timestamp']).toBe(String(Math.floor(m.timestamp.getTime() / 1000)));
    expect(() => signatureHeaders(m, [])).toThrow(/at least one secret/);
  });

  it('tells delivered, failed (retry), gone (410) and refused apart', async () => {
    const secrets = [newWebhookSecret()];
    status = 500;
    expect((await attemptWebhook(outbound, { url: `${base}/hook`, message: message('m4'), secrets })).outcome).toBe('failed');
    status = 302;
    expect((await attemptWebhook(outbound, { url: `${base}/hook`, message: message('m5'), secrets })).outcome).toBe('failed');
    status = 410;
    expect((await attemptWebhook(outbound, { url: `${base}/hook`, message: message('m6'), secrets })).outcome).toBe('gone');
    status = 200;
    expect((await attemptWebhook(outbound, { url: `${base}/hook`, message: message('m7'), secrets })).outcome).toBe('delivered');
    const guarded = createOutbound();
    expect((await attemptWebhook(guarded, { url: `${base}/hook`, message: message('m8'), secrets })).outcome).toBe('refused');
    guarded.close();
  });

  it('retries on the Standard Webhooks schedule, about three days, then gives up', () => {
    const at = new Date('2026-12-04T00:00:00Z');
    expect(nextAttemptAt(1, at)?.toISOString()).toBe('2026-12-04T00:00:05.000Z');
    expect(nextAttemptAt(2, at)?.toISOString()).toBe('2026-12-04T00:05:00.000Z');
    expect(nextAttemptAt(9, at)?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(nextAttemptAt(10, at)).toBeNull();
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(total).toBeGreaterThan(75);
    expect(total).toBeLessThan(80);
  });
});
