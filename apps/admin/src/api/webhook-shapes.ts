/** A webhook endpoint as the admin shows it (its secret and header values are never read back). */
export interface WebhookEndpointView {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly eventTypes: readonly string[];
  readonly headerNames: readonly string[];
  readonly active: boolean;
  /** `gone` (it answered 410) or `failing` (too many failures in a row); null while it is on or was turned off by hand. */
  readonly disabledReason: string | null;
  readonly disabledAt: string | null;
  readonly consecutiveFailures: number;
  /** Until when the previous secret still signs too (after a rotation). */
  readonly previousSecretUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** One event (or test message) to one endpoint. */
export interface WebhookDeliveryView {
  readonly id: string;
  readonly endpointId: string;
  /** `webhook-id`: the same on every attempt and redelivery. */
  readonly messageId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatus: number | null;
  readonly lastOutcome: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

/** One request sent (or refused by the address guard) and what came back. */
export interface WebhookAttemptView {
  readonly id: string;
  readonly at: string;
  /** delivered, gone, failed or refused. */
  readonly outcome: string;
  readonly statusCode: number | null;
  readonly durationMs: number;
  /** As sent, custom header values masked. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseExcerpt: string | null;
  readonly error: string | null;
}

export interface WebhookDeliveryDetailView extends WebhookDeliveryView {
  /** The body as signed. */
  readonly payload: string;
  readonly attemptLog: readonly WebhookAttemptView[];
}

/** What the create and edit forms send. */
export interface EndpointDraft {
  readonly url: string;
  readonly description: string;
  readonly eventTypes: readonly string[];
  /** Custom headers, name → value; absent when an edit leaves them as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly active: boolean;
}

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed', 'cancelled'];
export const deliveryStatusOf = (status: string | null | undefined): DeliveryStatus => STATUSES.find((s) => s === status) ?? 'pending';

/** Request headers as the server logged them (a JSON object of strings). */
export const headersOf = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([name, v]) => [name, String(v)]))
    : {};

/**
 * The patterns an endpoint may subscribe to, from the deployment's event types: `*`, then per
 * module its `module.*`, each `module.entity.*`, and the exact types, sorted within their kind.
 */
export const eventTypeChoices = (types: readonly string[]): { readonly wildcards: string[]; readonly exact: string[] } => {
  const prefixes = new Set<string>();
  for (const type of types) {
    const parts = type.split('.');
    for (let n = 1; n < parts.length; n++) prefixes.add(`${parts.slice(0, n).join('.')}.*`);
  }
  return { wildcards: ['*', ...[...prefixes].sort()], exact: [...types].sort() };
};
