import type { SqlRunner } from '@rustok/kernel';

/** The SQL of `scripting_kv`: a small key-value store per script. */
export const kvRead = async (tx: SqlRunner, scriptId: string, key: string): Promise<unknown> => {
  const { rows } = await tx.query<{ value: unknown }>('SELECT value FROM scripting_kv WHERE script_id = $1 AND key = $2', [scriptId, key]);
  return rows[0]?.value ?? null;
};

/** Keys the script has stored, and whether each of `keys` is among them. */
export const kvKeys = async (
  tx: SqlRunner,
  scriptId: string,
  keys: readonly string[],
): Promise<{ count: number; present: Set<string> }> => {
  const { rows } = await tx.query<{ n: number | string; present: string[] | null }>(
    `SELECT count(*) AS n, array_agg(key) FILTER (WHERE key = ANY($2::text[])) AS present FROM scripting_kv WHERE script_id = $1`,
    [scriptId, [...keys]],
  );
  return { count: Number(rows[0]?.n ?? 0), present: new Set(rows[0]?.present ?? []) };
};

/** Writes a run's changes: a value set, or null deleted. */
export const kvApply = async (tx: SqlRunner, scriptId: string, changes: ReadonlyMap<string, unknown>): Promise<void> => {
  for (const [key, value] of changes) {
    if (value === null) await tx.query('DELETE FROM scripting_kv WHERE script_id = $1 AND key = $2', [scriptId, key]);
    else
      await tx.query(
        `INSERT INTO scripting_kv (script_id, key, value) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, script_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [scriptId, key, JSON.stringify(value)],
      );
  }
};
