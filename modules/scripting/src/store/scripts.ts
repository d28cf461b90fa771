import type { SqlRunner } from '@rustok/kernel';
import type { Script, ScriptSummary, Trigger } from '../schemas.js';

/** The SQL of `scripting_scripts`. Every statement runs in a tenant transaction: row-level security keeps it in the tenant. */
export type ScriptRow = {
  id: string;
  name: string;
  description: string;
  language: 'js' | 'ts';
  source: string;
  compiled: string;
  hash: string;
  enabled: boolean;
  input_schema: Record<string, unknown> | null;
  output_schema: Record<string, unknown> | null;
  version: number;
  consecutive_failures: number;
  disabled_reason: string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

/** What a save writes: the code and its schemas (a new version each time). */
export interface ScriptCode {
  readonly description: string;
  readonly language: 'js' | 'ts';
  readonly source: string;
  readonly compiled: string;
  readonly hash: string;
  readonly inputSchema: Record<string, unknown> | null;
  readonly outputSchema: Record<string, unknown> | null;
}

const COLUMNS =
  'id, name, description, language, source, compiled, hash, enabled, input_schema, output_schema, version, consecutive_failures, disabled_reason, created_at, updated_at';
const iso = (v: Date | string): string => new Date(v).toISOString();
const json = (v: Record<string, unknown> | null): string | null => (v === null ? null : JSON.stringify(v));

export const summaryOf = (row: ScriptRow, triggers: readonly Trigger[]): ScriptSummary => ({
  id: row.id,
  name: row.name,
  description: row.description,
  language: row.language,
  hash: row.hash,
  enabled: row.enabled,
  version: row.version,
  consecutiveFailures: row.consecutive_failures,
  disabledReason: row.disabled_reason,
  triggers: [...triggers],
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const scriptOf = (row: ScriptRow, triggers: readonly Trigger[]): Script => ({
  ...summaryOf(row, triggers),
  source: row.source,
  inputSchema: row.input_schema,
  outputSchema: row.output_schema,
});

export const insertScript = async (tx: SqlRunner, id: string, name: string, enabled: boolean, code: ScriptCode): Promise<ScriptRow> => {
  const { rows } = await tx.query<ScriptRow>(
    `INSERT INTO scripting_scripts (id, name, enabled, description, language, source, compiled, hash, input_schema, output_schema)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [
      id,
      name,
      enabled,
      code.description,
      code.language,
      code.source,
      code.compiled,
      code.hash,
      json(code.inputSchema),
      json(code.outputSchema),
    ],
  );
  return rows[0] as ScriptRow;
};

/** Writes new code as the next version; answers the row, or undefined when there is no such script. */
export const updateScriptCode = async (tx: SqlRunner, id: string, code: ScriptCode): Promise<ScriptRow | undefined> => {
  const { rows } = await tx.query<ScriptRow>(
    `UPDATE scripting_scripts SET description = $2, language = $3, source = $4, compiled = $5, hash = $6, input_schema = $7,
       output_schema = $8, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, code.description, code.language, code.source, code.compiled, code.hash, json(code.inputSchema), json(code.outputSchema)],
  );
  return rows[0];
};

export const selectScript = async (tx: SqlRunner, id: string, lock = false): Promise<ScriptRow | undefined> => {
  const { rows } = await tx.query<ScriptRow>(`SELECT ${COLUMNS} FROM scripting_scripts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
};

export const selectScriptByName = async (tx: SqlRunner, name: string): Promise<ScriptRow | undefined> => {
  const { rows } = await tx.query<ScriptRow>(`SELECT ${COLUMNS} FROM scripting_scripts WHERE name = $1`, [name]);
  return rows[0];
};

export const countScripts = async (tx: SqlRunner): Promise<number> => {
  const { rows } = await tx.query<{ n: number | string }>('SELECT count(*) AS n FROM scripting_scripts');
  return Number(rows[0]?.n ?? 0);
};

/** Oldest first by id (ids sort by creation time); `cursor` is the last id of the previous page. */
export const selectScripts = async (tx: SqlRunner, limit: number, cursor?: string): Promise<ScriptRow[]> => {
  const where = cursor === undefined ? '' : 'WHERE id > $2';
  const params = cursor === undefined ? [limit] : [limit, cursor];
  const { rows } = await tx.query<ScriptRow>(`SELECT ${COLUMNS} FROM scripting_scripts ${where} ORDER BY id LIMIT $1`, params);
  return rows;
};

export const deleteScriptRow = async (tx: SqlRunner, id: string): Promise<boolean> => {
  const { rows } = await tx.query('DELETE FROM scripting_scripts WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
};

/** Turns a script on (failures forgotten) or off (with a reason, or none when a person did). */
export const setScriptEnabled = async (
  tx: SqlRunner,
  id: string,
  enabled: boolean,
  reason: string | null,
): Promise<ScriptRow | undefined> => {
  const { rows } = await tx.query<ScriptRow>(
    `UPDATE scripting_scripts SET enabled = $2, disabled_reason = $3, consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures END,
       updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, enabled, reason],
  );
  return rows[0];
};

/** Counts a run's outcome: a success resets the count, a failure adds one; answers the new count. */
export const countOutcome = async (tx: SqlRunner, id: string, ok: boolean): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>(
    `UPDATE scripting_scripts SET consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures + 1 END
      WHERE id = $1 RETURNING consecutive_failures AS n`,
    [id, ok],
  );
  return rows[0]?.n ?? 0;
};
