import { describeEachBackend, outboxEvents, startReceiver } from '@rustok/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEndpoint, createProduct, deliveriesOf, deliveryOf, endpointOf, until, type WebhookWorld, webhookWorld } from './helpers.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Delivery end to end: events through the outbox consumer, the delivery job, a real receiver on loopback. */
describeEachBackend('webhook delivery', (backend) => {
  let w: WebhookWorld;
  const receivers: Receiver[] = [];
  /** A receiver answering with the statuses of `script` in turn (the last one from then on). */
  const receiver = async (script: number[] = [200]) => {
    let n = 0;
    const r = await startReceiver((_req, res) => {
      res.statusCode = script[Math.min(n++, script.length - 1)] ?? 200;
      res.end('ok');
    });
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    w = await webhookWorld(backend);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await w?.p.close();
  });

  it('delivers a product update signed per Standard Webhooks, verified by the standardwebhooks package', async () => {
    const r = await receiver();
    const endpoint = await createEndpoint(w, {
      url: `${r.base}/hooks`,
      eventTypes: ['commerce.product.*'],
      headers: { 'X-Shop-Token': 'abc' },
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const productId = await createProduct(w, 'Signed Chair');
    await w.call('PATCH', `/commerce/products/${productId}`, w.admin, { title: 'Signed Chair II' });
    const updated = await until(async () => r.seen.find((m) => JSON.parse(m.body).type === 'commerce.product.updated'), 'the update');
    const verified = new Webhook(endpoint.secret).verify(updated.body, updated.headers as Record<string, string>) as {
      type: string;
      data: { productId?: string };
    };
    expect(verified.type).toBe('commerce.product.updated');
    expect(JSON.stringify(verified.data)).toContain(productId);
    expect(updated.headers['x-shop-token']).toBe('abc');
    expect(() =>
      new Webhook(`whsec_${Buffer.from('another secret of 24 bytes!').toString('base64')}`).verify(
        updated.body,
        updated.headers as Record<string, string>,
      ),
    ).toThrow();
    const deliveries = await until(async () => {
      const list = await deliveriesOf(w, endpoint.id);
      return list.length >= 2 && list.every((d) => d.status === 'delivered') && list;
    }, 'both deliveries logged');
    const detail = await deliveryOf(w, deliveries.find((d) => d.eventType === 'commerce.product.updated')?.id ?? '');
    expect(detail).toMatchObject({ status: 'delivered', attempts: 1, messageId: updated.headers['webhook-id'], payload: updated.body });
    expect(detail.attemptLog).toEqual([expect.objectContaining({ outcome: 'delivered', statusCode: 200, responseExcerpt: 'ok' })]);
    expect(detail.attemptLog[0]?.requestHeaders['x-shop-token']).not.toBe('abc');
  });

  it('retries a failing receiver on the schedule with the same webhook-id, then logs the success once', async () => {
    const r = await receiver([500, 500, 200]);
    const endpoint = await createEndpoint(w, { url: r.base, eventTypes: ['commerce.product.created'] });
    await createProduct(w, 'Retried Lamp');
    const delivery = await until(
      async () => (await deliveriesOf(w, endpoint.id)).find((d) => d.status === 'delivered'),
      'the delivery',
      20_000,
    );
    expect(r.seen).toHaveLength(3);
    expect(new Set(r.seen.map((m) => m.headers['webhook-id']))).toEqual(new Set([delivery.messageId]));
    const times = r.seen.map((m) => Number(m.headers['webhook-timestamp']));
    expect(times[2]).toBeGreaterThanOrEqual(times[0] ?? 0);
    const { attemptLog } = await deliveryOf(w, delivery.id);
    expect(attemptLog.map((a) => [a.outcome, a.statusCode])).toEqual([
      ['failed', 500],
      ['failed', 500],
      ['delivered', 200],
    ]);
    // The schedule (60 ms, then 120 ms) lies between the attempts.
    const at = attemptLog.map((a) => Date.parse(a.at));
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(60);
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(120);
    expect((await endpointOf(w, endpoint.id)).consecutiveFailures).toBe(0);
  });

  it('disables an endpoint that answers 410 Gone and tells the tenant through an event', async () => {
    const r = await receiver([410]);
    const endpoint = await createEndpoint(w, { url: r.base, eventTypes: ['commerce.product.created'] });
    await createProduct(w, 'Gone Table');
    const off = await until(async () => {
      const e = await endpointOf(w, endpoint.id);
      return !e.active && e;
    }, 'the endpoint disabled');
    expect(off).toMatchObject({ active: false, disabledReason: 'gone' });
    expect(r.seen).toHaveLength(1);
    const events = await outboxEvents(w.p, w.tenant.id, "type = 'notifications.webhook_endpoint.disabled'");
    expect(events.map((e) => e.payload)).toContainEqual({ endpointId: endpoint.id, url: r.base, reason: 'gone', consecutiveFailures: 1 });
    await createProduct(w, 'Unsent Table');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.seen).toHaveLength(1);
  });

  it('disables an endpoint after too many failures in a row, and cancels what it still had pending', async () => {
    const r = await receiver([503]);
    const endpoint = await createEndpoint(w, { url: r.base, eventTypes: ['commerce.product.created'] });
    for (const title of ['Fail A', 'Fail B', 'Fail C']) await createProduct(w, title);
    const off = await until(
      async () => {
        const e = await endpointOf(w, endpoint.id);
        return !e.active && e;
      },
      'the endpoint disabled',
      20_000,
    );
    // Attempts recorded together may pass the limit by a few.
    expect(off).toMatchObject({ disabledReason: 'failing' });
    expect(off.consecutiveFailures).toBeGreaterThanOrEqual(6);
    const statuses = (await deliveriesOf(w, endpoint.id)).map((d) => d.status);
    expect(statuses.every((s) => s === 'failed' || s === 'cancelled')).toBe(true);
    // Turned on again by hand: the failures are cleared.
    const on = await w.call('PATCH', `/notifications/webhooks/${endpoint.id}`, w.admin, { active: true });
    expect(on.json()).toMatchObject({ active: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it("disables an endpoint after the tenant's own lower number of failures in a row", async () => {
    const tenant = await w.p.createTenant(`hooks-fail-${Date.now().toString(36)}`);
    const admin = (await w.p.userWithToken(tenant.id, ['admin'])).headers;
    const own = { ...w, tenant, admin };
    const put = await w.call('PUT', '/modules/notifications', admin, {
      enabled: true,
      settings: { webhooks: { disableAfterFailures: 2 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    // Two failures, then success: only the tenant's limit of 2 (not the deployment's 6) turns it off.
    const r = await receiver([503, 503, 200]);
    const endpoint = await createEndpoint(own, { url: r.base, eventTypes: ['commerce.product.created'] });
    await createProduct(own, 'Twice failed lamp');
    const off = await until(
      async () => {
        const e = await endpointOf(own, endpoint.id);
        return !e.active && e;
      },
      'the endpoint disabled',
      20_000,
    );
    expect(off).toMatchObject({ disabledReason: 'failing', consecutiveFailures: 2 });
  });

  it('redelivers a message with the same webhook-id, and test sends reach the endpoint', async () => {
    const r = await receiver();
    const endpoint = await createEndpoint(w, { url: r.base, eventTypes: ['commerce.product.created'] });
    await createProduct(w, 'Redelivered Sofa');
    const first = await until(async () => (await deliveriesOf(w, endpoint.id)).find((d) => d.status === 'delivered'), 'the delivery');
    const again = await w.call('POST', `/notifications/webhook-deliveries/${first.id}/redeliver`, w.admin);
    expect(again.statusCode, again.body).toBe(202);
    await until(async () => r.seen.length === 2, 'the redelivery');
    expect(r.seen[1]?.headers['webhook-id']).toBe(first.messageId);
    expect(r.seen[1]?.body).toBe(r.seen[0]?.body);
    await until(async () => (await deliveryOf(w, first.id)).attemptLog.length === 2, 'the second attempt logged');
    const test = await w.call('POST', `/notifications/webhooks/${endpoint.id}/test`, w.admin);
    expect(test.statusCode, test.body).toBe(202);
    const ping = await until(
      async () => r.seen.find((m) => JSON.parse(m.body).type === 'notifications.webhook_endpoint.test'),
      'the test message',
    );
    expect(new Webhook(endpoint.secret).verify(ping.body, ping.headers as Record<string, string>)).toMatchObject({
      data: { endpointId: endpoint.id },
    });
  });

  it('signs with both secrets while a rotation lasts, and with the new one only after', async () => {
    const r = await receiver();
    const endpoint = await createEndpoint(w, { url: r.base, eventTypes: ['commerce.product.created'] });
    const rotated = await w.call('POST', `/notifications/webhooks/${endpoint.id}/rotate-secret`, w.admin, { keepPreviousForSeconds: 3600 });
    const { secret } = rotated.json<{ secret: string }>();
    expect(secret).not.toBe(endpoint.secret);
    await createProduct(w, 'Rotated Desk');
    const m = await until(async () => r.seen[0], 'the message');
    const headers = m.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(secret).verify(m.body, headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(m.body, headers)).not.toThrow();
    const dropped = await w.call('POST', `/notifications/webhooks/${endpoint.id}/rotate-secret`, w.admin, { keepPreviousForSeconds: 0 });
    const newest = dropped.json<{ secret: string }>().secret;
    await createProduct(w, 'Rotated Desk II');
    const n = await until(async () => r.seen[1], 'the second message');
    expect(String(n.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(() => new Webhook(newest).verify(n.body, n.headers as Record<string, string>)).not.toThrow();
  });
});
