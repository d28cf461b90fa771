import { inTenant } from '@rustok/api';
import { generateId, parseInput } from '@rustok/kernel';
import { newWebhookSecret } from '@rustok/outbound';
import { type NotificationsContext, requirePermission } from '../context.js';
import { notificationsErrors } from '../errors.js';
import { NOTIFICATIONS_EVENT } from '../events.js';
import { CreateEndpointInput, type WebhookEndpointWithSecret } from '../schemas.js';
import { countEndpoints, insertEndpoint, toEndpoint } from '../store/endpoints.js';
import { maxEndpointsOf } from '../webhooks/tenant-limits.js';
import { assertEventTypes, assertHeaders, assertUrl, endpointEventPayload } from './endpoint-rules.js';

/**
 * POST /notifications/webhooks: an endpoint with a new secret (shown in this answer, and after a
 * rotation, never in a read). The row and `notifications.webhook_endpoint.created` commit together.
 */
export const createEndpoint = (ctx: NotificationsContext, raw: CreateEndpointInput): Promise<WebhookEndpointWithSecret> => {
  requirePermission(ctx, 'notifications.webhooks.manage');
  const input = parseInput(CreateEndpointInput, raw) as CreateEndpointInput;
  assertUrl(ctx, input.url);
  const eventTypes = assertEventTypes(ctx, input.eventTypes);
  const headers = assertHeaders(input.headers ?? {});
  return inTenant(ctx, async (w) => {
    const maxEndpoints = await maxEndpointsOf(w.tx, ctx.options.max_endpoints);
    if ((await countEndpoints(w.tx)) >= maxEndpoints) {
      throw notificationsErrors.NOTIFICATIONS_TOO_MANY_ENDPOINTS(`This shop has at most ${maxEndpoints} webhook endpoints`);
    }
    const secret = newWebhookSecret();
    const row = await insertEndpoint(w.tx, {
      id: generateId(),
      url: input.url,
      description: input.description?.trim() || null,
      eventTypes,
      headers,
      active: input.active ?? true,
      secret,
    });
    await w.publish(NOTIFICATIONS_EVENT.endpointCreated, endpointEventPayload(row));
    return { ...toEndpoint(row), secret };
  });
};
