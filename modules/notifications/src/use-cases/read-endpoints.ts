import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type NotificationsContext, requirePermission } from '../context.js';
import { type EndpointList, PageQuery, type WebhookEndpoint } from '../schemas.js';
import { selectEndpoints, toEndpoint } from '../store/endpoints.js';
import { requireEndpoint } from './endpoint-rules.js';

/** GET /notifications/webhooks: the tenant's endpoints, newest first (secrets and header values never shown). */
export const listEndpoints = (ctx: NotificationsContext, raw: PageQuery): Promise<EndpointList> => {
  requirePermission(ctx, 'notifications.webhooks.read');
  const query = parseInput(PageQuery, raw) as PageQuery;
  return inTenant(ctx, (w) => selectEndpoints(w.tx, query.limit ?? 50, query.cursor));
};

/** GET /notifications/webhooks/{id} */
export const getEndpoint = (ctx: NotificationsContext, id: string): Promise<WebhookEndpoint> => {
  requirePermission(ctx, 'notifications.webhooks.read');
  return inTenant(ctx, async (w) => toEndpoint(await requireEndpoint(w, id)));
};
