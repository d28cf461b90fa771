import type { ModuleTx } from '@rustok/api';
import { typeMatches } from '@rustok/kernel';
import { createOutboundGuard } from '@rustok/outbound';
import type { NotificationsContext } from '../context.js';
import { notificationsErrors } from '../errors.js';
import type { NOTIFICATIONS_EVENT } from '../events.js';
import { type EndpointRow, loadEndpoint } from '../store/endpoints.js';

/** Headers the platform sets itself (or that would break the request); an endpoint may not set them. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'host',
  'user-agent',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
]);

export const endpointNotFound = (id: string) => notificationsErrors.NOTIFICATIONS_ENDPOINT_NOT_FOUND(`No webhook endpoint ${id}`);

/** The endpoint of the tenant (another tenant's is not found), locked when it is to change. */
export const requireEndpoint = async (w: ModuleTx, id: string, forUpdate = false): Promise<EndpointRow> => {
  const row = await loadEndpoint(w.tx, id, forUpdate);
  if (!row) throw endpointNotFound(id);
  return row;
};

/**
 * What the URL alone tells: http(s), no credentials, no literal address that is not public (unless
 * the deployment allowlists it). Names are resolved and checked at every connection, not here.
 */
export const assertUrl = (ctx: NotificationsContext, url: string): void => {
  const checked = createOutboundGuard({ allow: ctx.options.allow_networks }).checkUrl(url);
  if (!checked.ok) throw notificationsErrors.NOTIFICATIONS_URL_REFUSED(`The URL ${checked.detail}`);
};

/** Each pattern must cover at least one event type of the deployment (a typo would never fire). */
export const assertEventTypes = (ctx: NotificationsContext, patterns: readonly string[]): string[] => {
  const unknown = patterns.filter((p) => !ctx.eventTypes.some((type) => typeMatches(p, type)));
  if (unknown.length > 0) {
    throw notificationsErrors.NOTIFICATIONS_EVENT_TYPE_UNKNOWN(`No event of this deployment matches ${unknown.join(', ')}`);
  }
  return [...new Set(patterns)];
};

/** Custom headers: not one the platform sets; names compared without case. */
export const assertHeaders = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) throw notificationsErrors.NOTIFICATIONS_HEADER_REFUSED(`The header ${name} is set by the platform`);
    out[lower] = value;
  }
  return out;
};

export const endpointEventPayload = (row: Pick<EndpointRow, 'id' | 'url' | 'active'>) => ({
  endpointId: row.id,
  url: row.url,
  active: row.active,
});

export type EndpointEventType = (typeof NOTIFICATIONS_EVENT)[keyof typeof NOTIFICATIONS_EVENT];
