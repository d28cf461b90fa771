import type { SqlRunner } from '@rustok/kernel';

/** The tables nothing else looks after (sys_stale_tables, sys_dead_tables): every one where asked or autovacuum is off, otherwise those with `autovacuum_enabled = false`. */
const UNATTENDED = `     AND (every_table OR NOT current_setting('autovacuum')::boolean
          OR EXISTS (SELECT 1 FROM unnest(c.reloptions) o
                      WHERE o LIKE 'autovacuum\\_enabled=%' AND NOT substr(o, 20)::boolean))`;

/**
 * Planner statistics. `ANALYZE` needs the table's owner (PostgreSQL 15; the MAINTAIN privilege
 * came in 17), and the application runs as a role that owns nothing. So the migrations (as the
 * owner) create two SECURITY DEFINER functions that the application role may execute:
 *
 * - `sys_analyze(tables text[])` analyzes the named tables: only tables of schema `public` owned by
 *   the function's owner, matched against the catalog and quoted with `%I`, so no name given can
 *   reach the SQL text; names that match nothing are ignored.
 * - `sys_stale_tables(every_table boolean)` lists the tables autovacuum would analyze now (more
 *   rows changed since the last analyze than `autovacuum_analyze_threshold` +
 *   `autovacuum_analyze_scale_factor` × rows, 50 + 10% by default), among those nothing else
 *   analyzes: all of them where `autovacuum` is off for the server or `every_table` is set (the
 *   embedded database has no autovacuum), otherwise only tables with `autovacuum_enabled = false`.
 *
 * - `sys_dead_tables(every_table boolean)` lists, quoted, the tables autovacuum would vacuum now
 *   (more dead rows than `autovacuum_vacuum_threshold` + `autovacuum_vacuum_scale_factor` × rows,
 *   50 + 20% by default), among the same tables nothing else looks after, that the calling role
 *   may vacuum: `VACUUM` cannot run inside a function, so the application runs it itself, which
 *   the MAINTAIN privilege allows (PostgreSQL 17 and later, so the embedded database: see
 *   grantAppRole). On older servers the list is empty.
 *
 * `ANALYZE (SKIP_LOCKED)`: a table another session is analyzing, vacuuming or altering is left
 * alone instead of waited for.
 */
export const STATISTICS_SQL = `
CREATE OR REPLACE FUNCTION sys_analyze(tables text[]) RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
       AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       AND c.relname = ANY (tables)
     ORDER BY c.relname
  LOOP
    EXECUTE format('ANALYZE (SKIP_LOCKED) public.%I', t);
    RETURN NEXT t;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION sys_stale_tables(every_table boolean) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.relname::text FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
     AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
${UNATTENDED}
     AND s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                                 + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
   ORDER BY c.relname
$$;

CREATE OR REPLACE FUNCTION sys_dead_tables(every_table boolean) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT format('%I', c.relname) FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
     AND CASE WHEN current_setting('server_version_num')::int >= 170000
              THEN has_table_privilege(session_user, c.oid, 'MAINTAIN') ELSE false END
${UNATTENDED}
     AND s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                        + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
   ORDER BY s.n_dead_tup DESC
$$;`;

/** Lets the application role call the functions (and nobody else: functions are executable by PUBLIC by default). */
export const grantStatistics = async (owner: SqlRunner, role: string): Promise<void> => {
  await owner.exec(`
REVOKE ALL ON FUNCTION sys_analyze(text[]), sys_stale_tables(boolean), sys_dead_tables(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sys_analyze(text[]), sys_stale_tables(boolean), sys_dead_tables(boolean) TO ${role}`);
};

/** ANALYZE these tables of the application (others are ignored); returns the ones analyzed. */
export const analyzeTables = async (runner: SqlRunner, tables: readonly string[]): Promise<string[]> => {
  if (tables.length === 0) return [];
  const { rows } = await runner.query<{ t: string }>('SELECT t FROM sys_analyze($1::text[]) AS t', [[...tables]]);
  return rows.map((r) => r.t);
};

export interface StaleOptions {
  /** Consider every table, whatever autovacuum's settings say (the embedded database has none). */
  readonly everyTable: boolean;
}

/** The tables autovacuum would analyze now but nothing will (see STATISTICS_SQL). */
export const staleTables = async (runner: SqlRunner, options: StaleOptions): Promise<string[]> => {
  const { rows } = await runner.query<{ t: string }>('SELECT t FROM sys_stale_tables($1) AS t', [options.everyTable]);
  return rows.map((r) => r.t);
};

/**
 * ANALYZE each stale table, one statement per table (a short lock each, and the statement timeout
 * applies to one table at a time); returns the tables analyzed. Cheap when nothing changed: one
 * read of the statistics views.
 */
export const analyzeStaleTables = async (runner: SqlRunner, options: StaleOptions): Promise<string[]> => {
  const analyzed: string[] = [];
  for (const table of await staleTables(runner, options)) analyzed.push(...(await analyzeTables(runner, [table])));
  return analyzed;
};

/**
 * VACUUM each table with more dead rows than autovacuum would leave, where nothing else vacuums it
 * (see sys_dead_tables); returns the tables vacuumed. Each statement runs on its own, outside any
 * transaction (VACUUM cannot run in one). Without it the embedded database, which has no
 * autovacuum, keeps every dead row: tables and indexes grow with each update and writes slow down.
 */
export const vacuumDeadTables = async (runner: SqlRunner, options: StaleOptions): Promise<string[]> => {
  const { rows } = await runner.query<{ t: string }>('SELECT t FROM sys_dead_tables($1) AS t', [options.everyTable]);
  for (const { t } of rows) await runner.exec(`VACUUM (SKIP_LOCKED) public.${t}`);
  return rows.map((r) => r.t);
};

/**
 * ANALYZE the tables of `written` (table → rows a job just wrote) where those rows are more than
 * autovacuum would wait for (50 + 10% of the table's rows as last counted): after a rebuild or an
 * import, without analyzing a large table for a small change. Inside a transaction the analysis
 * counts that transaction's own writes as done; its statistics commit (or roll back) with it.
 */
export const analyzeWritten = async (runner: SqlRunner, written: ReadonlyMap<string, number>): Promise<string[]> => {
  if (written.size === 0) return [];
  const { rows } = await runner.query<{ t: string }>(
    `SELECT w.t FROM unnest($1::text[], $2::float8[]) AS w(t, n)
       JOIN pg_class c ON c.relname = w.t AND c.relnamespace = 'public'::regnamespace
      WHERE w.n > current_setting('autovacuum_analyze_threshold')::float8
                  + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)`,
    [[...written.keys()], [...written.values()]],
  );
  return analyzeTables(
    runner,
    rows.map((r) => r.t),
  );
};

/**
 * The tables the current transaction inserted into, updated or deleted from (call it before the
 * commit): the ones to analyze once it has committed. Tables written by the session's earlier
 * transactions whose counters have not reached the statistics views yet (they do about a second
 * later) come along too.
 */
export const tablesWrittenInTransaction = async (tx: SqlRunner): Promise<string[]> => {
  const { rows } = await tx.query<{ t: string }>(
    `SELECT relname::text AS t FROM pg_stat_xact_user_tables
      WHERE schemaname = 'public' AND n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname`,
  );
  return rows.map((r) => r.t);
};
