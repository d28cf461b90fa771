import type { Tx } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import type { DeliveryList, WebhookAttempt, WebhookDelivery } from '../schemas.js';

/** The SQL of deliveries and their attempts (the delivery log), in a tenant transaction. */
export type DeliveryRow = {
  id: string;
  endpoint_id: string;
  message_id: string;
  event_id: string | null;
  event_type: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date | string | null;
  last_status: number | null;
  last_outcome: WebhookDelivery['lastOutcome'];
  created_at: Date | string;
  delivered_at: Date | string | null;
};

type AttemptRow = {
  id: string;
  at: Date | string;
  outcome: WebhookAttempt['outcome'];
  status_code: number | null;
  duration_ms: number;
  request_headers: Record<string, string>;
  response_excerpt: string | null;
  error: string | null;
};

const DELIVERIES = 'notifications_webhook_deliveries';
const COLUMNS =
  'id, endpoint_id, message_id, event_id, event_type, status, attempts, next_attempt_at, last_status, last_outcome, created_at, delivered_at';
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  messageId: row.message_id,
  eventId: row.event_id,
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: isoOrNull(row.next_attempt_at),
  lastStatus: row.last_status,
  lastOutcome: row.last_outcome,
  createdAt: new Date(row.created_at).toISOString(),
  deliveredAt: isoOrNull(row.delivered_at),
});

const toAttempt = (row: AttemptRow): WebhookAttempt => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  outcome: row.outcome,
  statusCode: row.status_code,
  durationMs: row.duration_ms,
  requestHeaders: row.request_headers,
  responseExcerpt: row.response_excerpt,
  error: row.error,
});

export interface NewDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly messageId: string;
  readonly eventId: string | null;
  readonly eventType: string;
  readonly payload: string;
}

/**
 * Deliveries due now, each with its queue entry. An event already delivered to an endpoint (the
 * same event handled again) adds nothing: ids of the rows written are returned. With `claimForMs`
 * the queue entries are claimed from the start for that long (the caller sends them itself at once;
 * should it not record an attempt in time, the delivery run takes them after the claim).
 */
export const insertDeliveries = async (
  tx: SqlRunner,
  tenantId: string,
  deliveries: readonly NewDelivery[],
  claimForMs?: number,
): Promise<string[]> => {
  if (deliveries.length === 0) return [];
  const col = <K extends keyof NewDelivery>(key: K) => deliveries.map((d) => d[key]);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO ${DELIVERIES} (id, endpoint_id, message_id, event_id, event_type, payload, next_attempt_at)
     SELECT *, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[])
     ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id`,
    [col('id'), col('endpointId'), col('messageId'), col('eventId'), col('eventType'), col('payload')],
  );
  const ids = rows.map((r) => r.id);
  await tx.query(
    `INSERT INTO notifications_webhook_queue (delivery_id, tenant_id, due_at, claimed_until)
     SELECT id, $2, now(), now() + $3 * interval '1 millisecond' FROM unnest($1::uuid[]) AS id`,
    [ids, tenantId, claimForMs ?? null],
  );
  return ids;
};

export const loadDelivery = async (tx: Tx, id: string, forUpdate = false): Promise<DeliveryRow | undefined> => {
  const lock = forUpdate ? ' FOR UPDATE' : '';
  return (await tx.query<DeliveryRow>(`SELECT ${COLUMNS} FROM ${DELIVERIES} WHERE id = $1${lock}`, [id])).rows[0];
};

export const loadPayload = async (tx: Tx, id: string): Promise<string> =>
  (await tx.query<{ payload: string }>(`SELECT payload FROM ${DELIVERIES} WHERE id = $1`, [id])).rows[0]?.payload ?? '';

export const selectAttempts = async (tx: Tx, deliveryId: string): Promise<WebhookAttempt[]> =>
  (
    await tx.query<AttemptRow>(
      `SELECT id, at, outcome, status_code, duration_ms, request_headers, response_excerpt, error
         FROM notifications_webhook_attempts WHERE delivery_id = $1 ORDER BY id`,
      [deliveryId],
    )
  ).rows.map(toAttempt);

/** An endpoint's deliveries, newest first; `cursor` is the last id of the previous page. */
export const selectDeliveries = async (tx: Tx, endpointId: string, limit: number, cursor?: string): Promise<DeliveryList> => {
  const where = cursor === undefined ? '' : ' AND id < $3';
  const params = cursor === undefined ? [endpointId, limit + 1] : [endpointId, limit + 1, cursor];
  const { rows } = await tx.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM ${DELIVERIES} WHERE endpoint_id = $1${where} ORDER BY id DESC LIMIT $2`,
    params,
  );
  const items = rows.slice(0, limit).map(toDelivery);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
};

/** Sends a delivery again now (the same message id): pending, queued, whatever its state was. */
export const requeueDelivery = async (tx: Tx, tenantId: string, id: string): Promise<DeliveryRow> => {
  const { rows } = await tx.query<DeliveryRow>(
    `UPDATE ${DELIVERIES} SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  await tx.query(
    `INSERT INTO notifications_webhook_queue (delivery_id, tenant_id, due_at) VALUES ($1, $2, now())
     ON CONFLICT (delivery_id) DO UPDATE SET due_at = now(), claimed_until = NULL`,
    [id, tenantId],
  );
  return rows[0] as DeliveryRow;
};

/** An endpoint turned off: its pending deliveries are cancelled and leave the queue (a redelivery brings one back). */
export const cancelPending = async (tx: Tx, endpointId: string): Promise<void> => {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE ${DELIVERIES} SET status = 'cancelled', next_attempt_at = NULL WHERE endpoint_id = $1 AND status = 'pending' RETURNING id`,
    [endpointId],
  );
  if (rows.length > 0)
    await tx.query('DELETE FROM notifications_webhook_queue WHERE delivery_id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
};
