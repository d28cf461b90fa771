import type { SqlRunner } from '@rustok/kernel';
import type { ScriptVersion } from '../schemas.js';
import type { ScriptCode } from './scripts.js';

/** The SQL of `scripting_versions`: one row per saved version of a script, never changed. */
type VersionRow = {
  version: number;
  description: string;
  language: 'js' | 'ts';
  source: string;
  compiled: string;
  hash: string;
  input_schema: Record<string, unknown> | null;
  output_schema: Record<string, unknown> | null;
  created_by: string | null;
  created_at: Date | string;
};

const COLUMNS = 'version, description, language, source, compiled, hash, input_schema, output_schema, created_by, created_at';

const viewOf = (row: VersionRow): ScriptVersion => ({
  version: row.version,
  description: row.description,
  language: row.language,
  source: row.source,
  hash: row.hash,
  inputSchema: row.input_schema,
  outputSchema: row.output_schema,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
});

export const insertVersion = async (
  tx: SqlRunner,
  id: string,
  scriptId: string,
  version: number,
  code: ScriptCode,
  createdBy: string | null,
): Promise<void> => {
  await tx.query(
    `INSERT INTO scripting_versions (id, script_id, version, description, language, source, compiled, hash, input_schema, output_schema, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      scriptId,
      version,
      code.description,
      code.language,
      code.source,
      code.compiled,
      code.hash,
      code.inputSchema === null ? null : JSON.stringify(code.inputSchema),
      code.outputSchema === null ? null : JSON.stringify(code.outputSchema),
      createdBy,
    ],
  );
};

/** Newest first. */
export const selectVersions = async (tx: SqlRunner, scriptId: string): Promise<ScriptVersion[]> => {
  const { rows } = await tx.query<VersionRow>(`SELECT ${COLUMNS} FROM scripting_versions WHERE script_id = $1 ORDER BY version DESC`, [
    scriptId,
  ]);
  return rows.map(viewOf);
};

/** One version's code, as a save would write it again. */
export const selectVersionCode = async (tx: SqlRunner, scriptId: string, version: number): Promise<ScriptCode | undefined> => {
  const { rows } = await tx.query<VersionRow>(`SELECT ${COLUMNS} FROM scripting_versions WHERE script_id = $1 AND version = $2`, [
    scriptId,
    version,
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    description: row.description,
    language: row.language,
    source: row.source,
    compiled: row.compiled,
    hash: row.hash,
    inputSchema: row.input_schema,
    outputSchema: row.output_schema,
  };
};
