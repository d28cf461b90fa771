import { commerceModule } from '@rustok/commerce';
import { generateId, type TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, ok, type TestBackend, type TestPlatform } from '@rustok/testing';
import notificationsModule from '../src/index.js';
import type { Notification, NotificationList } from '../src/schemas-inbox.js';
import { type Headers, until } from './helpers.js';

export interface InboxWorld {
  readonly p: TestPlatform;
  readonly tenant: TenantRef;
  readonly call: ReturnType<typeof caller>;
  /** admin and manager hold notifications.webhooks.manage; admin, manager and editor commerce.orders.read; the customer neither. */
  readonly users: Readonly<Record<'admin' | 'manager' | 'editor' | 'customer', { userId: string; headers: Headers }>>;
}

export const inboxWorld = async (backend: TestBackend, inbox: Record<string, unknown> = {}, share?: TestPlatform): Promise<InboxWorld> => {
  const p = await createTestPlatform({
    backend,
    modules: [commerceModule, notificationsModule],
    config: { settings: { rustok: { notifications: { webhooks: { deliver: false }, inbox } } } },
    ...(share ? { shareDatabaseOf: share } : {}),
  });
  const tenant = await p.createTenant(`inbox-${Date.now().toString(36)}`);
  const user = (role: string) => p.userWithToken(tenant.id, [role]);
  const users = {
    admin: await user('admin'),
    manager: await user('manager'),
    editor: await user('editor'),
    customer: await user('customer'),
  };
  return { p, tenant, call: caller(p), users };
};

/** Publishes an event of the tenant as its module does (in a tenant transaction, through the bus); its id. */
export const publish = async (p: TestPlatform, tenantId: string, type: string, payload: unknown): Promise<string> =>
  (await p.database.db.transaction((tx) => p.bus.publishInTx(tx, { type, tenantId, payload }), { tenantId })).id;

/** Waits until `consumer` has handled the event (its receipt is written with its effects). */
export const handled = (p: TestPlatform, consumer: string, eventId: string): Promise<true> =>
  until(async () => {
    const { rows } = await p.database.db.query('SELECT 1 FROM sys_event_receipts WHERE consumer = $1 AND event_id = $2', [
      consumer,
      eventId,
    ]);
    return rows.length > 0;
  }, `${consumer} handling ${eventId}`);

export const inboxOf = async (w: InboxWorld, headers: Headers, query = ''): Promise<Notification[]> =>
  (await ok<NotificationList>(w.call('GET', `/notifications/inbox${query}`, headers))).items;

let displayId = 1000;

/** A `commerce.order.placed` payload as checkout publishes it. */
export const orderPlaced = (total = 12_50) => ({
  orderId: generateId(),
  displayId: ++displayId,
  cartId: null,
  customerId: null,
  currencyCode: 'USD',
  total,
  lines: [],
});

export const endpointDisabled = () => ({
  endpointId: generateId(),
  url: 'https://erp.example.com/hooks',
  reason: 'failing' as const,
  consecutiveFailures: 100,
});
