import { commerceModule } from '@rustok/commerce';
import { caller, createTestPlatform, describeEachBackend, startReceiver, type TestBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import notificationsModule from '../src/index.js';
import { createEndpoint, createProduct, deliveriesOf, TEST_WEBHOOKS, until, type WebhookWorld } from './helpers.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/**
 * A deployment whose processes run no jobs (roles api and consumers): the delivery run never runs,
 * so whatever arrives was sent by the fan-out's process itself, right after its commit.
 */
const worldWithoutJobs = async (backend: TestBackend, sendAtOnce: boolean): Promise<WebhookWorld> => {
  const p = await createTestPlatform({
    backend,
    modules: [commerceModule, notificationsModule],
    config: {
      server: { roles: ['api', 'consumers'] },
      settings: { rustok: { notifications: { webhooks: { ...TEST_WEBHOOKS, send_at_once: sendAtOnce } } } },
    },
  });
  const tenant = await p.createTenant(`at-once-${Date.now().toString(36)}`);
  const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  return { p, tenant, admin, call: caller(p) };
};

describeEachBackend('webhooks sent at once by the fan-out', (backend) => {
  let r: Receiver;
  const worlds: WebhookWorld[] = [];
  beforeAll(async () => {
    r = await startReceiver((_req, res) => res.end('ok'));
  });
  afterAll(async () => {
    await Promise.all(worlds.map((w) => w.p.close()));
    await r.close();
  });

  it('delivers and logs a delivery with no delivery run, from the process that fanned the event out', async () => {
    const w = await worldWithoutJobs(backend, true);
    worlds.push(w);
    const endpoint = await createEndpoint(w, { url: `${r.base}/now`, eventTypes: ['commerce.product.created'] });
    const productId = await createProduct(w, 'Prompt Stool');
    const arrived = await until(async () => r.seen.find((m) => m.url === '/now'), 'the delivery', 10_000);
    expect(JSON.parse(arrived.body)).toMatchObject({ type: 'commerce.product.created' });
    expect(arrived.body).toContain(productId);
    const [delivery] = await until(async () => {
      const list = await deliveriesOf(w, endpoint.id);
      return list.length === 1 && list[0]?.status === 'delivered' && list;
    }, 'the delivery logged');
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, messageId: arrived.headers['webhook-id'] });
    const { rows } = await w.p.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications_webhook_queue');
    expect(rows[0]?.n).toBe(0);
  }, 90_000); // the platform is made inside the test (its own roles and settings)

  it('leaves deliveries to the delivery run when sending at once is off', async () => {
    const w = await worldWithoutJobs(backend, false);
    worlds.push(w);
    const endpoint = await createEndpoint(w, { url: `${r.base}/later`, eventTypes: ['commerce.product.created'] });
    await createProduct(w, 'Patient Stool');
    const [queued] = await until(async () => {
      const list = await deliveriesOf(w, endpoint.id);
      return list.length === 1 && list;
    }, 'the delivery queued');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.seen.filter((m) => m.url === '/later')).toHaveLength(0);
    expect((await deliveriesOf(w, endpoint.id))[0]).toMatchObject({ id: queued?.id, status: 'pending', attempts: 0 });
    const { rows } = await w.p.database.db.query<{ claimed: boolean }>(
      'SELECT claimed_until IS NOT NULL AS claimed FROM notifications_webhook_queue WHERE delivery_id = $1',
      [queued?.id],
    );
    expect(rows).toEqual([{ claimed: false }]);
  }, 90_000);
});
