import { type Database, preparedSql } from '@rustok/db';
import type { McpSurface } from '@rustok/kernel';
import { generateId } from '@rustok/kernel';

/** One tool call as the audit keeps it. */
export interface AuditEntry {
  readonly tenantId: string;
  readonly actorId: string | null;
  /** The personal access token the call was made with (none for a session token or an anonymous shopper). */
  readonly tokenId: string | null;
  readonly surface: McpSurface;
  readonly clientName: string | null;
  readonly tool: string;
  readonly argumentsSha256: string;
  readonly outcome: 'ok' | 'error';
  readonly errorCode: string | null;
  readonly durationMs: number;
}

/** An audit row as read back: the entry without its tenant (the reader's own), with its id and time. */
export type AuditRow = Omit<AuditEntry, 'tenantId'> & { readonly id: string; readonly createdAt: string };

/** The rows as one column array each (one fixed statement whatever their number). */
const INSERT_SQL = preparedSql(
  'mcp_audit_insert',
  `INSERT INTO mcp_audit (id, tenant_id, actor_id, surface, client_name, tool, arguments_sha256, outcome, error_code, duration_ms, token_id)
   SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::uuid[])`,
);

const columnsOf = (entries: readonly AuditEntry[]): unknown[][] => [
  entries.map(() => generateId()),
  entries.map((e) => e.tenantId),
  entries.map((e) => e.actorId),
  entries.map((e) => e.surface),
  entries.map((e) => e.clientName?.slice(0, 200) ?? null),
  entries.map((e) => e.tool.slice(0, 100)),
  entries.map((e) => e.argumentsSha256),
  entries.map((e) => e.outcome),
  entries.map((e) => e.errorCode),
  entries.map((e) => Math.max(0, Math.round(e.durationMs))),
  entries.map((e) => e.tokenId),
];

/**
 * Writes audit rows of one tenant in one statement, in a transaction of that tenant (row-level
 * security checks the tenant).
 */
export const writeAudits = (db: Database, tenantId: string, entries: readonly AuditEntry[]): Promise<void> =>
  db.transaction(
    async (tx) => {
      await tx.query(INSERT_SQL, columnsOf(entries));
    },
    { tenantId },
  );

interface Row extends Record<string, unknown> {
  id: string;
  actor_id: string | null;
  token_id: string | null;
  surface: McpSurface;
  client_name: string | null;
  tool: string;
  arguments_sha256: string;
  outcome: 'ok' | 'error';
  error_code: string | null;
  duration_ms: number;
  created_at: Date | string;
}

const toRow = (r: Row): AuditRow => ({
  id: r.id,
  actorId: r.actor_id,
  tokenId: r.token_id,
  surface: r.surface,
  clientName: r.client_name,
  tool: r.tool,
  argumentsSha256: r.arguments_sha256,
  outcome: r.outcome,
  errorCode: r.error_code,
  durationMs: r.duration_ms,
  createdAt: new Date(r.created_at).toISOString(),
});

export interface AuditQuery {
  readonly limit: number;
  readonly cursor?: string;
  readonly tool?: string;
}

/** The tenant's audit rows, newest first, in keyset pages (ids are time-ordered). */
export const listAudit = (db: Database, tenantId: string, q: AuditQuery): Promise<{ items: AuditRow[]; nextCursor: string | null }> =>
  db.transaction(
    async (tx) => {
      const { rows } = await tx.query<Row>(
        `SELECT id, actor_id, token_id, surface, client_name, tool, arguments_sha256, outcome, error_code, duration_ms, created_at
           FROM mcp_audit WHERE ($1::uuid IS NULL OR id < $1::uuid) AND ($2::text IS NULL OR tool = $2)
          ORDER BY id DESC LIMIT $3`,
        [q.cursor ?? null, q.tool ?? null, q.limit + 1],
      );
      const page = rows.slice(0, q.limit).map(toRow);
      return { items: page, nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
    },
    { tenantId, readOnly: true },
  );
