import type { Tx } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import type { EndpointList, WebhookEndpoint } from '../schemas.js';

/** The SQL of `notifications_webhook_endpoints`, always in a tenant transaction (row-level security keeps it in the tenant). */
export type EndpointRow = {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  headers: Record<string, string>;
  active: boolean;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | string | null;
  consecutive_failures: number;
  disabled_reason: 'gone' | 'failing' | null;
  disabled_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

const TABLE = 'notifications_webhook_endpoints';
const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

export const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  eventTypes: row.event_types,
  headerNames: Object.keys(row.headers),
  active: row.active,
  disabledReason: row.disabled_reason,
  disabledAt: isoOrNull(row.disabled_at),
  consecutiveFailures: row.consecutive_failures,
  previousSecretUntil: isoOrNull(row.previous_secret_until),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export interface NewEndpoint {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly eventTypes: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly active: boolean;
  readonly secret: string;
}

export const insertEndpoint = async (tx: Tx, e: NewEndpoint): Promise<EndpointRow> => {
  const { rows } = await tx.query<EndpointRow>(
    `INSERT INTO ${TABLE} (id, url, description, event_types, headers, active, secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [e.id, e.url, e.description, e.eventTypes, JSON.stringify(e.headers), e.active, e.secret],
  );
  return rows[0] as EndpointRow;
};

/** The endpoint, locked for the transaction's change when `forUpdate`. */
export const loadEndpoint = async (tx: Tx, id: string, forUpdate = false): Promise<EndpointRow | undefined> => {
  const { rows } = await tx.query<EndpointRow>(`SELECT * FROM ${TABLE} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
};

export const countEndpoints = async (tx: Tx): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE}`);
  return rows[0]?.n ?? 0;
};

export interface EndpointChange {
  readonly url: string;
  readonly description: string | null;
  readonly eventTypes: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly active: boolean;
  /** Turned on again by hand: its failures and the reason it was turned off are cleared. */
  readonly reactivated: boolean;
}

export const updateEndpointRow = async (tx: Tx, id: string, c: EndpointChange): Promise<EndpointRow> => {
  const { rows } = await tx.query<EndpointRow>(
    `UPDATE ${TABLE} SET url = $2, description = $3, event_types = $4, headers = $5, active = $6, updated_at = now(),
       consecutive_failures = CASE WHEN $7 THEN 0 ELSE consecutive_failures END,
       disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
       disabled_at = CASE WHEN $6 THEN NULL ELSE disabled_at END
     WHERE id = $1 RETURNING *`,
    [id, c.url, c.description, c.eventTypes, JSON.stringify(c.headers), c.active, c.reactivated],
  );
  return rows[0] as EndpointRow;
};

/** A new secret; the old one keeps signing until `previousUntil` (null: dropped now). */
export const rotateSecretRow = async (tx: Tx, id: string, secret: string, keepSeconds: number): Promise<EndpointRow> => {
  const { rows } = await tx.query<EndpointRow>(
    `UPDATE ${TABLE} SET previous_secret = CASE WHEN $3 > 0 THEN secret END,
       previous_secret_until = CASE WHEN $3 > 0 THEN now() + $3 * interval '1 second' END,
       secret = $2, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, secret, keepSeconds],
  );
  return rows[0] as EndpointRow;
};

export const deleteEndpointRow = async (tx: Tx, id: string): Promise<void> => {
  await tx.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]);
};

/** Newest first (ids sort by creation time); `cursor` is the last id of the previous page. */
export const selectEndpoints = async (tx: Tx, limit: number, cursor?: string): Promise<EndpointList> => {
  const where = cursor === undefined ? '' : 'WHERE id < $2';
  const params = cursor === undefined ? [limit + 1] : [limit + 1, cursor];
  const { rows } = await tx.query<EndpointRow>(`SELECT * FROM ${TABLE} ${where} ORDER BY id DESC LIMIT $1`, params);
  const items = rows.slice(0, limit).map(toEndpoint);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
};

/** An active endpoint as the fan-out sees it: what it subscribes to, and what sending to it at once needs. */
export type Subscription = {
  readonly id: string;
  readonly event_types: string[];
  readonly url: string;
  readonly secret: string;
  /** The previous secret while a rotation lasts. */
  readonly previous_secret: string | null;
  readonly headers: Record<string, string>;
};

/** The active endpoints of the tenant and what they subscribe to (the fan-out's view). */
export const activeSubscriptions = async (tx: SqlRunner): Promise<Subscription[]> =>
  (
    await tx.query<Subscription>(
      `SELECT id, event_types, url, secret, headers,
              CASE WHEN previous_secret_until > now() THEN previous_secret END AS previous_secret
         FROM ${TABLE} WHERE active`,
    )
  ).rows;
