import { inTenant } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { type NotificationsContext, requirePermission } from '../context.js';
import { notificationsErrors } from '../errors.js';
import { type DeliveryList, PageQuery, type WebhookDelivery, type WebhookDeliveryDetail } from '../schemas.js';
import {
  insertDeliveries,
  loadDelivery,
  loadPayload,
  requeueDelivery,
  selectAttempts,
  selectDeliveries,
  toDelivery,
} from '../store/deliveries.js';
import { requireEndpoint } from './endpoint-rules.js';

const deliveryNotFound = (id: string) => notificationsErrors.NOTIFICATIONS_DELIVERY_NOT_FOUND(`No webhook delivery ${id}`);

/** GET /notifications/webhooks/{id}/deliveries: the endpoint's delivery log, newest first. */
export const listDeliveries = (ctx: NotificationsContext, endpointId: string, raw: PageQuery): Promise<DeliveryList> => {
  requirePermission(ctx, 'notifications.webhooks.read');
  const query = parseInput(PageQuery, raw) as PageQuery;
  return inTenant(ctx, async (w) => {
    await requireEndpoint(w, endpointId);
    return selectDeliveries(w.tx, endpointId, query.limit ?? 50, query.cursor);
  });
};

/** GET /notifications/webhook-deliveries/{id}: one delivery with the body as signed and every attempt. */
export const getDelivery = (ctx: NotificationsContext, id: string): Promise<WebhookDeliveryDetail> => {
  requirePermission(ctx, 'notifications.webhooks.read');
  return inTenant(ctx, async (w) => {
    const row = await loadDelivery(w.tx, id);
    if (!row) throw deliveryNotFound(id);
    return { ...toDelivery(row), payload: await loadPayload(w.tx, id), attemptLog: await selectAttempts(w.tx, id) };
  });
};

/**
 * POST /notifications/webhook-deliveries/{id}/redeliver: the same message (same `webhook-id`) is
 * sent again now, with the whole retry schedule ahead of it, whatever became of it before.
 */
export const redeliver = (ctx: NotificationsContext, id: string): Promise<WebhookDelivery> => {
  requirePermission(ctx, 'notifications.webhooks.manage');
  return inTenant(ctx, async (w) => {
    const row = await loadDelivery(w.tx, id, true);
    if (!row) throw deliveryNotFound(id);
    return toDelivery(await requeueDelivery(w.tx, ctx.tenantId, id));
  });
};

/** The type of the message a test send delivers (not an event of the catalogue: it never goes through the outbox). */
export const TEST_MESSAGE_TYPE = 'notifications.webhook_endpoint.test';

/** POST /notifications/webhooks/{id}/test: a test message to this endpoint now, logged like any delivery. */
export const sendTest = (ctx: NotificationsContext, endpointId: string): Promise<WebhookDelivery> => {
  requirePermission(ctx, 'notifications.webhooks.manage');
  return inTenant(ctx, async (w) => {
    await requireEndpoint(w, endpointId);
    const id = generateId();
    const payload = JSON.stringify({ type: TEST_MESSAGE_TYPE, timestamp: new Date().toISOString(), data: { endpointId } });
    await insertDeliveries(w.tx, ctx.tenantId, [{ id, endpointId, messageId: id, eventId: null, eventType: TEST_MESSAGE_TYPE, payload }]);
    const row = await loadDelivery(w.tx, id);
    if (!row) throw deliveryNotFound(id);
    return toDelivery(row);
  });
};
