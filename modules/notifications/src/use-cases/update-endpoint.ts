import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type NotificationsContext, requirePermission } from '../context.js';
import { NOTIFICATIONS_EVENT } from '../events.js';
import { UpdateEndpointInput, type WebhookEndpoint } from '../schemas.js';
import { cancelPending } from '../store/deliveries.js';
import { toEndpoint, updateEndpointRow } from '../store/endpoints.js';
import { assertEventTypes, assertHeaders, assertUrl, endpointEventPayload, requireEndpoint } from './endpoint-rules.js';

/**
 * PATCH /notifications/webhooks/{id}: what is given replaces what is there. Turning an endpoint off
 * cancels its pending deliveries; turning a disabled one on again clears its failures.
 */
export const updateEndpoint = (ctx: NotificationsContext, id: string, raw: UpdateEndpointInput): Promise<WebhookEndpoint> => {
  requirePermission(ctx, 'notifications.webhooks.manage');
  const input = parseInput(UpdateEndpointInput, raw) as UpdateEndpointInput;
  if (input.url !== undefined) assertUrl(ctx, input.url);
  const eventTypes = input.eventTypes === undefined ? undefined : assertEventTypes(ctx, input.eventTypes);
  const headers = input.headers === undefined ? undefined : assertHeaders(input.headers);
  return inTenant(ctx, async (w) => {
    const current = await requireEndpoint(w, id, true);
    const active = input.active ?? current.active;
    const row = await updateEndpointRow(w.tx, id, {
      url: input.url ?? current.url,
      description: input.description === undefined ? current.description : input.description?.trim() || null,
      eventTypes: eventTypes ?? current.event_types,
      headers: headers ?? current.headers,
      active,
      reactivated: active && !current.active,
    });
    if (!active && current.active) await cancelPending(w.tx, id);
    await w.publish(NOTIFICATIONS_EVENT.endpointUpdated, endpointEventPayload(row));
    return toEndpoint(row);
  });
};
