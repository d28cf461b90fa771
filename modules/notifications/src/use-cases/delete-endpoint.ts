import { inTenant } from '@rustok/api';
import { type NotificationsContext, requirePermission } from '../context.js';
import { NOTIFICATIONS_EVENT } from '../events.js';
import { cancelPending } from '../store/deliveries.js';
import { deleteEndpointRow } from '../store/endpoints.js';
import { endpointEventPayload, requireEndpoint } from './endpoint-rules.js';

/** DELETE /notifications/webhooks/{id}: the endpoint, its deliveries and their log go; nothing more is sent to it. */
export const deleteEndpoint = (ctx: NotificationsContext, id: string): Promise<void> => {
  requirePermission(ctx, 'notifications.webhooks.manage');
  return inTenant(ctx, async (w) => {
    const row = await requireEndpoint(w, id, true);
    await cancelPending(w.tx, id);
    await deleteEndpointRow(w.tx, id);
    await w.publish(NOTIFICATIONS_EVENT.endpointDeleted, endpointEventPayload({ ...row, active: false }));
  });
};
