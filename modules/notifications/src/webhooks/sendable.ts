import type { Tx } from '@rustok/db';

/** A claimed delivery with what sending it needs: its body and its endpoint's URL, secrets and headers. */
export interface Sendable {
  readonly id: string;
  readonly tenantId: string;
  readonly endpointId: string;
  readonly messageId: string;
  readonly payload: string;
  readonly attempts: number;
  readonly url: string;
  /** The current secret, and the previous one while a rotation lasts. */
  readonly secrets: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

type SendableRow = {
  id: string;
  endpoint_id: string;
  message_id: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  headers: Record<string, string>;
};

/**
 * The claimed deliveries still to send, in the tenant's transaction: pending ones of active endpoints.
 * The rest (delivered meanwhile, cancelled, endpoint off or deleted) are returned as `stale`.
 */
export const loadSendable = async (
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<{ sendable: Sendable[]; stale: string[] }> => {
  const { rows } = await tx.query<SendableRow>(
    `SELECT d.id, d.endpoint_id, d.message_id, d.payload, d.attempts, e.url, e.secret, e.headers,
            CASE WHEN e.previous_secret_until > now() THEN e.previous_secret END AS previous_secret
       FROM notifications_webhook_deliveries d JOIN notifications_webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = ANY($1::uuid[]) AND d.status = 'pending' AND e.active`,
    [ids],
  );
  const sendable = rows.map((r) => ({
    id: r.id,
    tenantId,
    endpointId: r.endpoint_id,
    messageId: r.message_id,
    payload: r.payload,
    attempts: r.attempts,
    url: r.url,
    secrets: r.previous_secret ? [r.secret, r.previous_secret] : [r.secret],
    headers: r.headers,
  }));
  const found = new Set(sendable.map((s) => s.id));
  return { sendable, stale: ids.filter((id) => !found.has(id)) };
};
