import { expect } from 'vitest';
import { expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Response, type Side, type World } from './world.js';

/**
 * In-app notifications: each tenant's admin has a notice in their inbox (made by the module's consumer
 * from an event of the tenant), and the tenant's choice of who is told what. The suite's deployment
 * ends every live stream after a moment (`stream_max_ms`), so a call to the stream route returns.
 */

interface InboxObjects {
  readonly notificationId: string;
  readonly url: string;
}

const inbox = (side: Side): InboxObjects => notificationsInboxArea.of(side);
const noticeOfB = { id: (w: World) => inbox(w.b).notificationId };
const NOT_FOUND = 'NOTIFICATIONS_NOTIFICATION_NOT_FOUND';

const waitFor = async (check: () => Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** A field answered to A's admin with no error and nothing of B. */
const answered =
  (query: string) =>
  async (w: World): Promise<void> => {
    const reply = await w.gql(w.a.admin, query);
    expect(reply.errors, reply.text).toBeUndefined();
    expectNoSecretsOfB(w, reply.text);
  };

export const notificationsInboxArea: Area<InboxObjects> = defineArea<InboxObjects>({
  name: 'notifications-inbox',
  async setup({ p, side, call }) {
    const settings = await call('PUT', '/api/v1/notifications/inbox/settings', side.admin, { kinds: [] });
    expect(settings.statusCode, settings.body).toBe(200);
    const url = `https://gone.${side.tenant.slug}.example.com/hook`;
    const payload = { endpointId: '00000000-0000-7000-8000-00000000f00d', url, reason: 'gone', consecutiveFailures: 1 };
    const type = 'notifications.webhook_endpoint.disabled';
    await p.database.db.transaction((tx) => p.bus.publishInTx(tx, { type, tenantId: side.tenant.id, payload }), {
      tenantId: side.tenant.id,
    });
    // Every event of the tenant handled (its notices written), so nothing changes after the suite's snapshot.
    await waitFor(async () => {
      const { rows } = await p.database.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM sys_events WHERE tenant_id = $1 AND status = 'pending'",
        [side.tenant.id],
      );
      return rows[0]?.n === 0;
    }, 'the event backlog');
    const list = await call('GET', '/api/v1/notifications/inbox?limit=100', side.admin);
    const notice = list.json<{ items: { id: string; data: { url?: string } }[] }>().items.find((n) => n.data.url === url);
    expect(notice, list.body).toBeDefined();
    return { notificationId: notice?.id ?? '', url };
  },
  secretsOf: (o) => [o.notificationId, o.url],
  tablesWithData: ['notifications_inbox', 'notifications_inbox_settings'],
  routes: {
    'GET /api/v1/notifications/inbox': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toContain(inbox(w.a).notificationId),
    },
    'GET /api/v1/notifications/inbox/unread-count': { kind: 'tenant' },
    'POST /api/v1/notifications/inbox/{id}/read': refusedRoute(noticeOfB, NOT_FOUND),
    'POST /api/v1/notifications/inbox/read-all': { kind: 'tenant', status: 200 },
    'GET /api/v1/notifications/inbox/stream': {
      kind: 'tenant',
      after: async (_w, res: Response) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        expect(res.body).toMatch(/event: unread\ndata: \{"count":\d+\}/);
      },
    },
    'GET /api/v1/notifications/inbox/settings': {
      kind: 'tenant',
      after: async (_w, res) => expect(res.json<{ kinds: { kind: string }[] }>().kinds.map((k) => k.kind)).toContain('orders.placed'),
    },
    'PUT /api/v1/notifications/inbox/settings': { kind: 'tenant', body: () => ({ kinds: [] }) },
  },
  graphql: {
    'Query.myNotifications': pageListsOnlyA(
      'myNotifications',
      '{ myNotifications(first: 100) { items { id title data } } }',
      (w) => inbox(w.a).notificationId,
    ),
    'Query.myUnreadNotificationCount': answered('{ myUnreadNotificationCount }'),
    'Query.inboxSettings': answered('{ inboxSettings { kinds { kind enabled permission } } }'),
    'Mutation.markNotificationRead': refusedForB(
      'mutation ($id: ID!) { markNotificationRead(id: $id) { id } }',
      (w) => ({ id: inbox(w.b).notificationId }),
      NOT_FOUND,
    ),
    'Mutation.markAllNotificationsRead': answered('mutation { markAllNotificationsRead }'),
    'Mutation.updateInboxSettings': answered('mutation { updateInboxSettings(kinds: []) { kinds { kind } } }'),
  },
});
