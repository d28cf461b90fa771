import type { EventEnvelope } from '@rustok/kernel';
import { describeEachBackend, expectProblem, graphqlClient, ok, outboxEvents } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inboxNotices } from '../src/inbox/produce.js';
import type { Notification, NotificationList, UnreadCount } from '../src/schemas-inbox.js';
import { endpointDisabled, handled, type InboxWorld, inboxOf, inboxWorld, orderPlaced, publish } from './inbox-helpers.js';

const DISABLED = 'notifications.webhook_endpoint.disabled';
const PLACED = 'commerce.order.placed';
const CONSUMER = 'notifications.inbox';

/** In-app notices: made from events by the consumer, each user's own inbox over REST and GraphQL, the tenant's choices. */
describeEachBackend('in-app notifications', (backend) => {
  let w: InboxWorld;
  const { data, codes } = graphqlClient(() => w.p);

  beforeAll(async () => {
    w = await inboxWorld(backend);
  });
  afterAll(() => w?.p.close());

  it('tells the staff who manage webhooks that an endpoint was turned off, and no one else', async () => {
    const payload = endpointDisabled();
    const eventId = await publish(w.p, w.tenant.id, DISABLED, payload);
    await handled(w.p, CONSUMER, eventId);
    for (const role of ['admin', 'manager'] as const) {
      const [notice] = await inboxOf(w, w.users[role].headers);
      expect(notice).toMatchObject({
        kind: 'webhooks.endpoint_disabled',
        title: 'Webhook endpoint disabled',
        link: `/admin/webhooks/${payload.endpointId}`,
        data: payload,
        readAt: null,
      });
    }
    expect(await inboxOf(w, w.users.editor.headers)).toEqual([]);
    expect(await inboxOf(w, w.users.customer.headers)).toEqual([]);
    const created = await outboxEvents(w.p, w.tenant.id, "type = 'notifications.notification.created'");
    expect(created.map((e) => e.payload.userId).sort()).toEqual([w.users.admin.userId, w.users.manager.userId].sort());
    expect(created[0]?.payload.kind).toBe('webhooks.endpoint_disabled');
  });

  it('adds nothing when the same event is handled again', async () => {
    const eventId = await publish(w.p, w.tenant.id, DISABLED, endpointDisabled());
    await handled(w.p, CONSUMER, eventId);
    const { rows } = await w.p.database.db.query<{ envelope: EventEnvelope }>('SELECT envelope FROM sys_events WHERE id = $1', [eventId]);
    const published: unknown[] = [];
    const again = (envelope: EventEnvelope) =>
      w.p.database.db.transaction(
        (tx) =>
          inboxNotices.handle(envelope, {
            tx,
            tenantId: w.tenant.id,
            logger: w.p.logger,
            publish: async (type, payload) => void published.push({ type, payload }),
          }),
        { tenantId: w.tenant.id },
      );
    await again(rows[0]?.envelope as EventEnvelope);
    await again(rows[0]?.envelope as EventEnvelope);
    expect(published).toEqual([]);
    const count = await w.p.database.db.transaction(
      async (tx) =>
        (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications_inbox WHERE source_event_id = $1', [eventId])).rows[0]
          ?.n,
      { tenantId: w.tenant.id },
    );
    expect(count).toBe(2);
  });

  it('tells the staff who read orders of a new order; customers are not told', async () => {
    const payload = orderPlaced(4_990);
    await handled(w.p, CONSUMER, await publish(w.p, w.tenant.id, PLACED, payload));
    for (const role of ['admin', 'manager', 'editor'] as const) {
      const [notice] = await inboxOf(w, w.users[role].headers);
      expect(notice).toMatchObject({
        kind: 'orders.placed',
        title: `New order #${payload.displayId}`,
        body: 'Total USD 49.90',
        link: `/admin/orders/${payload.orderId}`,
      });
    }
    expect(await inboxOf(w, w.users.customer.headers)).toEqual([]);
  });

  it('lists newest first by pages, filters unread, counts, marks one and all read', async () => {
    const editor = w.users.editor.headers;
    for (let i = 0; i < 3; i++) await handled(w.p, CONSUMER, await publish(w.p, w.tenant.id, PLACED, orderPlaced()));
    const all = await inboxOf(w, editor, '?limit=100');
    expect(all).toHaveLength(4);
    expect(all.map((n) => n.id)).toEqual([...all.map((n) => n.id)].sort().reverse());
    const first = await ok<NotificationList>(w.call('GET', '/notifications/inbox?limit=3', editor));
    const second = await ok<NotificationList>(w.call('GET', `/notifications/inbox?limit=3&cursor=${first.nextCursor}`, editor));
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect(second.nextCursor).toBeNull();
    expect(await ok<UnreadCount>(w.call('GET', '/notifications/inbox/unread-count', editor))).toEqual({ count: 4 });
    const read = await ok<Notification>(w.call('POST', `/notifications/inbox/${all[1]?.id}/read`, editor));
    expect(read.readAt).not.toBeNull();
    const again = await ok<Notification>(w.call('POST', `/notifications/inbox/${all[1]?.id}/read`, editor));
    expect(again.readAt).toBe(read.readAt);
    expect((await inboxOf(w, editor, '?unread=true')).map((n) => n.id)).toEqual(all.filter((_, i) => i !== 1).map((n) => n.id));
    expect(await ok<UnreadCount>(w.call('GET', '/notifications/inbox/unread-count', editor))).toEqual({ count: 3 });
    expect(await ok(w.call('POST', '/notifications/inbox/read-all', editor))).toEqual({ marked: 3, count: 0 });
    expect(await inboxOf(w, editor, '?unread=true')).toEqual([]);
  });

  it("keeps each inbox to its user: another user's notice is not found, as another tenant's", async () => {
    const [ofAdmin] = await inboxOf(w, w.users.admin.headers);
    const id = ofAdmin?.id ?? '';
    expectProblem(
      await w.call('POST', `/notifications/inbox/${id}/read`, w.users.editor.headers),
      404,
      'NOTIFICATIONS_NOTIFICATION_NOT_FOUND',
    );
    expectProblem(
      await w.call('POST', `/notifications/inbox/${id}/read`, w.users.customer.headers),
      404,
      'NOTIFICATIONS_NOTIFICATION_NOT_FOUND',
    );
    expect((await inboxOf(w, w.users.editor.headers, '?limit=100')).map((n) => n.id)).not.toContain(id);
    const other = await w.p.createTenant(`inbox-other-${Date.now().toString(36)}`);
    const stranger = (await w.p.userWithToken(other.id, ['admin'])).headers;
    expectProblem(await w.call('POST', `/notifications/inbox/${id}/read`, stranger), 404, 'NOTIFICATIONS_NOTIFICATION_NOT_FOUND');
    expect(await inboxOf(w, stranger)).toEqual([]);
    expect((await inboxOf(w, w.users.admin.headers)).find((n) => n.id === id)?.readAt).toBeNull();
    expectProblem(await w.call('GET', '/notifications/inbox', {}), 401);
  });

  it("honours the tenant's choices: a kind turned off tells no one, another permission tells its holders", async () => {
    const settings = '/notifications/inbox/settings';
    expectProblem(await w.call('GET', settings, w.users.editor.headers), 403, 'AUTH_FORBIDDEN');
    const kinds = [
      { kind: 'orders.placed', enabled: false },
      { kind: 'webhooks.endpoint_disabled', enabled: true, permission: 'commerce.orders.read' },
    ];
    const saved = await ok<{ kinds: { kind: string; enabled: boolean; permission: string }[] }>(
      w.call('PUT', settings, w.users.admin.headers, { kinds }),
    );
    expect(saved.kinds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'orders.placed', enabled: false, permission: 'commerce.orders.read' }),
        expect.objectContaining({ kind: 'webhooks.endpoint_disabled', permission: 'commerce.orders.read' }),
      ]),
    );
    expect(await ok(w.call('GET', settings, w.users.admin.headers))).toEqual(saved);
    const before = (await inboxOf(w, w.users.admin.headers, '?limit=100')).length;
    await handled(w.p, CONSUMER, await publish(w.p, w.tenant.id, PLACED, orderPlaced()));
    expect(await inboxOf(w, w.users.admin.headers, '?limit=100')).toHaveLength(before);
    await handled(w.p, CONSUMER, await publish(w.p, w.tenant.id, DISABLED, endpointDisabled()));
    expect((await inboxOf(w, w.users.editor.headers))[0]?.kind).toBe('webhooks.endpoint_disabled');
    const bad = (body: unknown) => w.call('PUT', settings, w.users.admin.headers, body);
    expectProblem(await bad({ kinds: [{ kind: 'orders.refunded', enabled: true }] }), 422, 'NOTIFICATIONS_KIND_UNKNOWN');
    expectProblem(
      await bad({ kinds: [{ kind: 'orders.placed', enabled: true, permission: 'commerce.orderz.read' }] }),
      422,
      'NOTIFICATIONS_PERMISSION_UNKNOWN',
    );
    expectProblem(await bad({ kinds: [{ kind: 'orders.placed' }] }), 422, 'VALIDATION_FAILED');
    await ok(w.call('PUT', settings, w.users.admin.headers, { kinds: [] }));
  });

  it('answers the same over GraphQL', async () => {
    const editor = w.users.editor.headers;
    await ok(w.call('POST', '/notifications/inbox/read-all', editor));
    await handled(w.p, CONSUMER, await publish(w.p, w.tenant.id, PLACED, orderPlaced()));
    const page = await data<{ items: { id: string; kind: string; data: { displayId: number } }[] }>(
      'myNotifications',
      editor,
      '{ myNotifications(first: 5, unread: true) { items { id kind data } nextCursor } }',
    );
    expect(page.items).toHaveLength(1);
    expect(await data('myUnreadNotificationCount', editor, '{ myUnreadNotificationCount }')).toBe(1);
    const id = page.items[0]?.id;
    const read = await data<{ readAt: string }>(
      'markNotificationRead',
      editor,
      'mutation ($id: ID!) { markNotificationRead(id: $id) { readAt } }',
      {
        id,
      },
    );
    expect(read.readAt).not.toBeNull();
    expect(await data('markAllNotificationsRead', editor, 'mutation { markAllNotificationsRead }')).toBe(0);
    const [ofAdmin] = await inboxOf(w, w.users.admin.headers);
    expect(await codes(editor, 'mutation ($id: ID!) { markNotificationRead(id: $id) { id } }', { id: ofAdmin?.id })).toEqual([
      'NOTIFICATIONS_NOTIFICATION_NOT_FOUND',
    ]);
    const settings = await data<{ kinds: { kind: string; enabled: boolean }[] }>(
      'updateInboxSettings',
      w.users.admin.headers,
      'mutation { updateInboxSettings(kinds: [{ kind: "orders.placed", enabled: false }]) { kinds { kind enabled } } }',
    );
    expect(settings.kinds).toContainEqual({ kind: 'orders.placed', enabled: false });
    expect(await codes(editor, '{ inboxSettings { kinds { kind } } }')).toEqual(['AUTH_FORBIDDEN']);
  });
});
