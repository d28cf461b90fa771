import type { AddressInfo } from 'node:net';
import { commerceModule } from '@rustok/commerce';
import { createTestPlatform, describeEachBackend, ok, postgresSkipReason, type TestBackend, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import notificationsModule from '../src/index.js';
import type { Notification } from '../src/schemas-inbox.js';
import { until } from './helpers.js';
import { endpointDisabled, type InboxWorld, inboxOf, inboxWorld, orderPlaced, publish } from './inbox-helpers.js';
import { openSse, type SseClient, type SseEvent } from './sse-client.js';

const STREAM = '/api/v1/notifications/inbox/stream';
const unread = (count: number) => (e: SseEvent) => e.event === 'unread' && JSON.parse(e.data).count === count;
const isNotice = (e: SseEvent) => e.event === 'notification';

/** The live inbox over real HTTP: server-sent events read from the socket as a browser would. */
describeEachBackend('in-app notifications live', (backend) => {
  let w: InboxWorld;
  let base: string;
  const clients: SseClient[] = [];
  const connect = async (headers: Record<string, string>, extra: Record<string, string> = {}) => {
    const client = await openSse(`${base}${STREAM}`, { ...headers, ...extra });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    w = await inboxWorld(backend, { heartbeat_ms: 200 });
    await w.p.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(w.p.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await w?.p.close();
  });

  it('sends the count, then a notice created after connecting and the new count, and heartbeats', async () => {
    const admin = w.users.admin.headers;
    const stream = await connect(admin);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.next(unread(0));
    const payload = orderPlaced();
    await publish(w.p, w.tenant.id, 'commerce.order.placed', payload);
    const event = await stream.next(isNotice);
    const notice = JSON.parse(event.data) as Notification;
    expect(notice).toMatchObject({ kind: 'orders.placed', title: `New order #${payload.displayId}`, readAt: null });
    expect(event.id).toBe(notice.id);
    await stream.next(unread(1));
    await stream.next((e) => e.event === 'comment' && e.data === 'ping');
    await ok(w.call('POST', `/notifications/inbox/${notice.id}/read`, admin));
    await stream.next(unread(0));
  });

  it("sends nothing of another user's notices, and catches up after Last-Event-ID", async () => {
    const [last] = await inboxOf(w, w.users.manager.headers);
    const customer = await connect(w.users.customer.headers);
    await customer.next(unread(0));
    await publish(w.p, w.tenant.id, 'notifications.webhook_endpoint.disabled', endpointDisabled());
    const manager = await until(
      async () => (await inboxOf(w, w.users.manager.headers)).find((n) => n.kind === 'webhooks.endpoint_disabled'),
      'the notice',
    );
    const resumed = await connect(w.users.manager.headers, { 'last-event-id': last?.id ?? '' });
    expect(JSON.parse((await resumed.next(isNotice)).data)).toMatchObject({ id: manager.id });
    await customer.next((e) => e.event === 'comment');
    expect(customer.events.filter(isNotice)).toEqual([]);
  });

  it('lets go of a stream the client closed', async () => {
    const stream = await connect(w.users.editor.headers);
    await stream.next(unread(1));
    const before = await new Promise<number>((r) => w.p.app.server.getConnections((_e, n) => r(n)));
    stream.close();
    await until(
      async () => (await new Promise<number>((r) => w.p.app.server.getConnections((_e, n) => r(n)))) < before,
      'the socket closed',
    );
  });

  it('ends every open stream when the server closes', async () => {
    const stream = await connect(w.users.admin.headers);
    await stream.next((e) => e.event === 'unread');
    const closing = w.p.close();
    await stream.ended;
    await closing;
  });
});

/** Two server processes on one database: a notice reaches the streams of both, whichever process handles its event. */
const postgres = testBackends().find((b) => b.name === 'postgres');

/** Two server processes on one database (PostgreSQL: an embedded database belongs to one process). */
describe.skipIf(!postgres)(
  `in-app notifications live across processes [postgres${postgres ? '' : `: skipped, ${postgresSkipReason()}`}]`,
  () => {
    it('sends a notice to streams on both processes', async () => {
      const backend = postgres as TestBackend;
      const one = await inboxWorld(backend);
      const two = await createTestPlatform({
        backend,
        modules: [commerceModule, notificationsModule],
        config: { settings: { rustok: { notifications: { webhooks: { deliver: false } } } } },
        shareDatabaseOf: one.p,
      });
      const streams: SseClient[] = [];
      try {
        for (const p of [one.p, two]) {
          await p.app.listen({ host: '127.0.0.1', port: 0 });
          const url = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}${STREAM}`;
          streams.push(await openSse(url, one.users.admin.headers));
        }
        for (const s of streams) await s.next(unread(0));
        const payload = orderPlaced();
        await publish(two, one.tenant.id, 'commerce.order.placed', payload);
        for (const s of streams)
          expect(JSON.parse((await s.next(isNotice)).data)).toMatchObject({ title: `New order #${payload.displayId}` });
      } finally {
        for (const s of streams) s.close();
        await two.close();
        await one.p.close();
      }
    });
  },
);
