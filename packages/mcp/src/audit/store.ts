import type { Database } from '@rustok/db';
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

const COLUMNS = 11;

const valuesOf = (entry: AuditEntry): unknown[] => [
  generateId(),
  entry.tenantId,
  entry.actorId,
  entry.surface,
  entry.clientName?.slice(0, 200) ?? null,
  entry.tool.slice(0, 100),
  entry.argumentsSha256,
  entry.outcome,
  entry.errorCode,
  Math.max(0, Math.round(entry.durationMs)),
  entry.tokenId,
];

const rowPlaceholders = (row: number): string => `(${Array.from({ length: COLUMNS }, (_, i) => `$${row * COLUMNS + i + 1}`).join(', ')})`;

/**
 * Writes audit rows of one tenant in one statement, in a transaction of that tenant (row-level
 * security checks the tenant).
 */
export const writeAudits = (db: Database, tenantId: string, entries: readonly AuditEntry[]): Promise<void> =>
  db.transaction(
    async (tx) => {
      await tx.query(
        `INSERT INTO mcp_audit (id, tenant_id, actor_id, surface, client_name, tool, arguments_sha256, outcome, error_code, duration_ms, token_id)
         VALUES ${entries.map((_, i) => rowPlaceholders(i)).join(', ')}`,
        entries.flatMap(valuesOf),
      );
    },
    { tenantId },
  );

/** Writes one audit row in a transaction of the call's tenant. */
export const writeAudit = (db: Database, entry: AuditEntry): Promise<void> => writeAudits(db, entry.tenantId, [entry]);

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
