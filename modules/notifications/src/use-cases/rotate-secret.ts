import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { newWebhookSecret } from '@rustok/outbound';
import { type NotificationsContext, requirePermission } from '../context.js';
import { NOTIFICATIONS_EVENT } from '../events.js';
import { RotateSecretInput, type WebhookEndpointWithSecret } from '../schemas.js';
import { rotateSecretRow, toEndpoint } from '../store/endpoints.js';
import { endpointEventPayload, requireEndpoint } from './endpoint-rules.js';

const DAY_S = 86_400;

/**
 * POST /notifications/webhooks/{id}/rotate-secret: a new secret, shown in this answer. The old one
 * keeps signing beside it (two signatures per message) for `keepPreviousForSeconds` (a day by
 * default), so the receiver can switch without losing a message.
 */
export const rotateSecret = (ctx: NotificationsContext, id: string, raw: RotateSecretInput = {}): Promise<WebhookEndpointWithSecret> => {
  requirePermission(ctx, 'notifications.webhooks.manage');
  const input = parseInput(RotateSecretInput, raw) as RotateSecretInput;
  return inTenant(ctx, async (w) => {
    await requireEndpoint(w, id, true);
    const secret = newWebhookSecret();
    const row = await rotateSecretRow(w.tx, id, secret, input.keepPreviousForSeconds ?? DAY_S);
    await w.publish(NOTIFICATIONS_EVENT.endpointUpdated, endpointEventPayload(row));
    return { ...toEndpoint(row), secret };
  });
};
