import type { SqlRunner } from '@rustok/kernel';
import type { TriggerKind } from '../schemas.js';
import type { Execution, ExecutionList } from '../schemas-runs.js';

/** The SQL of `scripting_executions`: the run log, and the work items of queued runs. */
type ExecutionRow = {
  id: string;
  script_id: string;
  script_version: number;
  trigger_kind: TriggerKind;
  event_id: string | null;
  status: 'queued' | 'succeeded' | 'failed';
  duration_ms: number | null;
  cpu_ms: number | null;
  memory_bytes: number | string | null;
  calls: number | null;
  error_code: string | null;
  error_message: string | null;
  error_line: number | null;
  log: string | null;
  input_excerpt: string | null;
  output_excerpt: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
};

const COLUMNS =
  'id, script_id, script_version, trigger_kind, event_id, status, duration_ms, cpu_ms, memory_bytes, calls, error_code, error_message, error_line, log, input_excerpt, output_excerpt, created_at, finished_at';

const viewOf = (r: ExecutionRow): Execution => ({
  id: r.id,
  scriptId: r.script_id,
  scriptVersion: r.script_version,
  trigger: r.trigger_kind,
  eventId: r.event_id,
  status: r.status,
  durationMs: r.duration_ms,
  cpuMs: r.cpu_ms,
  memoryBytes: r.memory_bytes === null ? null : Number(r.memory_bytes),
  calls: r.calls,
  errorCode: r.error_code,
  errorMessage: r.error_message,
  errorLine: r.error_line,
  log: r.log,
  inputExcerpt: r.input_excerpt,
  outputExcerpt: r.output_excerpt,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
});

/** What a queued execution runs with: `ctx.input` and `ctx.event`. */
export interface ExecutionRequest {
  readonly input: unknown;
  readonly event: Record<string, unknown> | null;
}

export interface NewExecution {
  readonly id: string;
  readonly scriptId: string;
  readonly version: number;
  readonly trigger: TriggerKind;
  readonly triggerId: string | null;
  readonly eventId: string | null;
  readonly request: ExecutionRequest;
}

/** A queued execution; answers false when the script already has one for that event (the event was handled). */
export const insertQueued = async (tx: SqlRunner, e: NewExecution): Promise<boolean> => {
  const { rows } = await tx.query(
    `INSERT INTO scripting_executions (id, script_id, script_version, trigger_kind, trigger_id, event_id, request, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued') ON CONFLICT DO NOTHING RETURNING id`,
    [e.id, e.scriptId, e.version, e.trigger, e.triggerId, e.eventId, JSON.stringify(e.request)],
  );
  return rows.length > 0;
};

/** A queued execution's script and request, when it is still queued. */
export const selectQueued = async (
  tx: SqlRunner,
  id: string,
): Promise<{ scriptId: string; trigger: TriggerKind; eventId: string | null; request: ExecutionRequest } | undefined> => {
  const { rows } = await tx.query<{ script_id: string; trigger_kind: TriggerKind; event_id: string | null; request: ExecutionRequest }>(
    `SELECT script_id, trigger_kind, event_id, request FROM scripting_executions WHERE id = $1 AND status = 'queued'`,
    [id],
  );
  const r = rows[0];
  return r && { scriptId: r.script_id, trigger: r.trigger_kind, eventId: r.event_id, request: r.request };
};

export interface FinishedRun {
  readonly ok: boolean;
  readonly durationMs: number;
  readonly cpuMs: number;
  readonly memoryBytes: number;
  readonly calls: number;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly errorLine: number | null;
  readonly log: string;
  readonly inputExcerpt: string;
  readonly outputExcerpt: string | null;
}

const FINISH_VALUES = 'duration_ms, cpu_ms, memory_bytes, calls, error_code, error_message, error_line, log, input_excerpt, output_excerpt';
const finishParams = (f: FinishedRun) => [
  f.ok ? 'succeeded' : 'failed',
  f.durationMs,
  f.cpuMs,
  f.memoryBytes,
  f.calls,
  f.errorCode,
  f.errorMessage,
  f.errorLine,
  f.log,
  f.inputExcerpt,
  f.outputExcerpt,
];

/** A run done now that was not queued (manual, http): inserted finished. */
export const insertFinished = async (tx: SqlRunner, e: Omit<NewExecution, 'request'>, f: FinishedRun): Promise<void> => {
  await tx.query(
    `INSERT INTO scripting_executions (id, script_id, script_version, trigger_kind, trigger_id, event_id, status, ${FINISH_VALUES}, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())`,
    [e.id, e.scriptId, e.version, e.trigger, e.triggerId, e.eventId, ...finishParams(f)],
  );
};

/** A queued execution finished (its request is dropped: the excerpts stay). */
export const finishQueued = async (tx: SqlRunner, id: string, version: number, f: FinishedRun): Promise<void> => {
  await tx.query(
    `UPDATE scripting_executions SET status = $2, duration_ms = $3, cpu_ms = $4, memory_bytes = $5, calls = $6, error_code = $7,
       error_message = $8, error_line = $9, log = $10, input_excerpt = $11, output_excerpt = $12, script_version = $13,
       request = NULL, finished_at = now() WHERE id = $1`,
    [id, ...finishParams(f), version],
  );
};

/** Newest first; `cursor` is the last id of the previous page. */
export const selectExecutions = async (tx: SqlRunner, scriptId: string, limit: number, cursor?: string): Promise<ExecutionList> => {
  const params: unknown[] = [scriptId, limit + 1];
  if (cursor !== undefined) params.push(cursor);
  const { rows } = await tx.query<ExecutionRow>(
    `SELECT ${COLUMNS} FROM scripting_executions WHERE script_id = $1 ${cursor === undefined ? '' : 'AND id < $3'} ORDER BY id DESC LIMIT $2`,
    params,
  );
  const items = rows.slice(0, limit).map(viewOf);
  return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
};
