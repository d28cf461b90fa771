import { type AttemptOutcome, attemptWebhook, type Outbound } from '@rustok/outbound';
import type { Sendable } from './sendable.js';

/** One attempt's result as the delivery log keeps it. */
export interface AttemptResult {
  readonly delivery: Sendable;
  readonly at: Date;
  readonly outcome: AttemptOutcome;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly requestHeaders: Record<string, string>;
  readonly responseExcerpt: string | null;
  readonly error: string | null;
}

const EXCERPT = 1_000;
const MASK = '••••••';

/** The request's headers for the log: the endpoint's own values may be credentials and are masked. */
const loggedHeaders = (sent: Readonly<Record<string, string>>, custom: Readonly<Record<string, string>>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) out[name] = name in custom ? MASK : value;
  return out;
};

/** Sends one delivery through the SSRF guard; every failure is a result, nothing throws. */
export const attemptDelivery = async (outbound: Outbound, delivery: Sendable, timeoutMs: number): Promise<AttemptResult> => {
  const at = new Date();
  const { result, outcome, headers } = await attemptWebhook(outbound, {
    url: delivery.url,
    message: { id: delivery.messageId, timestamp: at, payload: delivery.payload },
    secrets: delivery.secrets,
    headers: delivery.headers,
    timeoutMs,
  });
  const base = { delivery, at, outcome, requestHeaders: loggedHeaders(headers, delivery.headers) };
  if (result.ok) {
    return {
      ...base,
      statusCode: result.status,
      durationMs: Math.round(result.durationMs),
      responseExcerpt: result.body.slice(0, EXCERPT),
      error: null,
    };
  }
  const durationMs = 'durationMs' in result ? Math.round(result.durationMs) : 0;
  return { ...base, statusCode: null, durationMs, responseExcerpt: null, error: `${result.reason}: ${result.detail}`.slice(0, EXCERPT) };
};
