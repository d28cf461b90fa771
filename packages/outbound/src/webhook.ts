import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { Outbound, OutboundResult } from './send.js';

/**
 * Delays before each retry after a failed attempt (Standard Webhooks' schedule, about three days in
 * all): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. After the last one the message fails.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

/** When to try again after `attempts` failed attempts (1 = the first one failed), or null: no more tries. */
export const nextAttemptAt = (attempts: number, failedAt: Date, delays: readonly number[] = RETRY_DELAYS_MS): Date | null => {
  const delay = delays[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
};

/** A new endpoint secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

/** One message as sent to every endpoint: its id stays the same across retries. */
export interface WebhookMessage {
  readonly id: string;
  readonly timestamp: Date;
  /** The JSON text of the body, signed as it is sent. */
  readonly payload: string;
}

/**
 * The Standard Webhooks headers of a message: `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature` with one `v1,<base64 HMAC-SHA256>` per secret, space-separated, so that a receiver
 * holding either the old or the new secret verifies during a rotation.
 */
export const signatureHeaders = (message: WebhookMessage, secrets: readonly string[]): Record<string, string> => {
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret');
  const timestamp = new Date(Math.floor(message.timestamp.getTime() / 1000) * 1000);
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(timestamp.getTime() / 1000),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(message.id, timestamp, message.payload)).join(' '),
  };
};

/** What an attempt's result means for the endpoint: delivered, gone (410: disable it), failed (retry), or refused by the guard. */
export type AttemptOutcome = 'delivered' | 'gone' | 'failed' | 'refused';

export const outcomeOf = (result: OutboundResult): AttemptOutcome => {
  if (result.ok) {
    if (result.status >= 200 && result.status < 300) return 'delivered';
    return result.status === 410 ? 'gone' : 'failed';
  }
  return result.reason === 'timeout' || result.reason === 'network' ? 'failed' : 'refused';
};

export interface WebhookAttempt {
  readonly url: string;
  readonly message: WebhookMessage;
  readonly secrets: readonly string[];
  /** The endpoint's own headers (never overriding the signature's or the content type). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** One attempt to deliver a message to an endpoint, through the SSRF guard; the result and what it means. */
export const attemptWebhook = async (outbound: Outbound, attempt: WebhookAttempt) => {
  const headers = {
    ...attempt.headers,
    'content-type': 'application/json',
    'user-agent': 'RusToK-Webhooks/1',
    ...signatureHeaders(attempt.message, attempt.secrets),
  };
  const result = await outbound.send({
    url: attempt.url,
    method: 'POST',
    headers,
    body: attempt.message.payload,
    timeoutMs: attempt.timeoutMs ?? 15_000,
    maxResponseBytes: 4_096,
  });
  return { result, outcome: outcomeOf(result), headers };
};
