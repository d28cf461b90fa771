import { COMMERCE_EVENT, type OrderPlacedPayload } from '@rustok/commerce/contracts';
import { NOTIFICATIONS_EVENT, type WebhookEndpointDisabledPayload } from '../events.js';

/** What a notice says: stored as written (English); a client may word it itself from `kind` and `data`. */
export interface Notice {
  readonly title: string;
  readonly body: string | null;
  readonly link: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A kind of in-app notice: the event that makes it, who is told by default, and what it says. */
export interface InboxKind {
  readonly kind: string;
  readonly eventType: string;
  readonly description: string;
  /** Its recipients unless the tenant chose another: the active users holding this permission. */
  readonly defaultPermission: string;
  readonly compose: (payload: unknown) => Notice;
}

/** An amount in minor units as the currency writes it (`USD 12.50`). */
const money = (minor: number, currency: string): string => {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code keeps two decimals.
  }
  return `${currency} ${(minor / 10 ** digits).toFixed(digits)}`;
};

const endpointDisabled = (raw: unknown): Notice => {
  const p = raw as WebhookEndpointDisabledPayload;
  const why = p.reason === 'gone' ? 'it answered 410 Gone' : `${p.consecutiveFailures} deliveries failed in a row`;
  return {
    title: 'Webhook endpoint disabled',
    body: `${p.url} was turned off because ${why}. Turn it on again once it works.`,
    link: `/admin/webhooks/${p.endpointId}`,
    data: { endpointId: p.endpointId, url: p.url, reason: p.reason, consecutiveFailures: p.consecutiveFailures },
  };
};

const orderPlaced = (raw: unknown): Notice => {
  const p = raw as OrderPlacedPayload;
  return {
    title: `New order #${p.displayId}`,
    body: `Total ${money(p.total, p.currencyCode)}`,
    link: `/admin/orders/${p.orderId}`,
    data: { orderId: p.orderId, displayId: p.displayId, total: p.total, currencyCode: p.currencyCode },
  };
};

/** Every kind the module makes. Order notices come only where commerce is deployed (its event exists). */
export const INBOX_KINDS: readonly InboxKind[] = [
  {
    kind: 'webhooks.endpoint_disabled',
    eventType: NOTIFICATIONS_EVENT.endpointDisabled,
    description: 'The platform turned a webhook endpoint off (410 Gone, or too many failures in a row)',
    defaultPermission: 'notifications.webhooks.manage',
    compose: endpointDisabled,
  },
  {
    kind: 'orders.placed',
    eventType: COMMERCE_EVENT.orderPlaced,
    description: 'A customer placed an order',
    defaultPermission: 'commerce.orders.read',
    compose: orderPlaced,
  },
];

/** The kinds a deployment can make: those whose event one of its modules publishes. */
export const availableKinds = (eventTypes: readonly string[]): InboxKind[] => INBOX_KINDS.filter((k) => eventTypes.includes(k.eventType));
