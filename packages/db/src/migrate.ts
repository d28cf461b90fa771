import { createHash } from 'node:crypto';
import type { Migration, ModuleDefinition, SqlRunner } from '@rustok/kernel';
import { APP_GRANTS_VERSION, grantAppRole } from './app-role.js';
import { dbErrors } from './errors.js';
import { PARTITIONS_SQL } from './partitions.js';
import { analyzeTables, STATISTICS_SQL, tablesWrittenInTransaction } from './statistics.js';

export interface MigrationPlanItem {
  readonly module: string;
  readonly migration: Migration;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

export interface MigrateOptions {
  /** Grants data access on every table to this role after migrating. */
  readonly appRole: string;
  readonly onProgress?: (event: { done: number; total: number; name: string }) => void;
}

const PLATFORM_SQL = `
CREATE TABLE IF NOT EXISTS sys_migrations (
  name text PRIMARY KEY,
  module text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS sys_seeds (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Any constant: the key of the advisory lock that serialises migration runs across processes. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * SQL migrations are fingerprinted by their text. A function's source text depends on what compiled
 * it (tsc prints `(db) => f(db)`, esbuild under tsx `db=>f(db)`), so two processes of one release
 * would disagree: a function migration is fingerprinted by its name alone, and an edit to it is not seen.
 */
const checksumOf = (migration: Migration): string =>
  createHash('sha256')
    .update(typeof migration.up === 'string' ? migration.up : `function:${migration.name}`)
    .digest('hex')
    .slice(0, 16);

/** Modules in the given (dependency) order; each module's migrations in name order. */
const planMigrations = (modules: readonly ModuleDefinition[]): MigrationPlanItem[] =>
  modules.flatMap((mod) =>
    [...mod.migrations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((migration) => ({ module: mod.slug, migration, checksum: checksumOf(migration) })),
  );

/** The checksum of every applied migration, by name. */
const appliedChecksums = async (runner: SqlRunner): Promise<Map<string, string>> => {
  const { rows } = await runner.query<{ name: string; checksum: string }>('SELECT name, checksum FROM sys_migrations');
  return new Map(rows.map((r) => [r.name, r.checksum]));
};

/** Applies one migration; returns the tables it wrote rows to. */
const applyOne = async (owner: SqlRunner, item: MigrationPlanItem): Promise<string[]> => {
  await owner.query('BEGIN');
  try {
    if (typeof item.migration.up === 'string') await owner.exec(item.migration.up);
    else await item.migration.up(owner);
    const written = await tablesWrittenInTransaction(owner);
    await owner.query('INSERT INTO sys_migrations (name, module, checksum) VALUES ($1, $2, $3)', [
      item.migration.name,
      item.module,
      item.checksum,
    ]);
    await owner.query('COMMIT');
    return written;
  } catch (cause) {
    await owner.query('ROLLBACK');
    throw dbErrors.DB_MIGRATION_FAILED(`Migration ${item.migration.name} failed: ${(cause as Error).message}`, { cause });
  }
};

/**
 * Applies every pending migration, each in its own transaction, and records it. Safe to run twice
 * and from several processes at once (an advisory lock serialises runs). A migration whose text
 * changed after it was applied stops the run with DB_MIGRATION_CHANGED. The tables the applied
 * migrations wrote rows to are analyzed at the end (tables only created stay unanalyzed: the
 * planner then assumes they may grow, which suits an empty table better than statistics saying 0 rows).
 */
export const runMigrations = async (
  owner: SqlRunner,
  modules: readonly ModuleDefinition[],
  options: MigrateOptions,
): Promise<MigrationReport> => {
  await owner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await owner.exec(PLATFORM_SQL);
    await owner.exec(STATISTICS_SQL);
    await owner.exec(PARTITIONS_SQL);
    const done = await appliedChecksums(owner);
    const plan = planMigrations(modules);
    const changed = plan.filter((p) => done.has(p.migration.name) && done.get(p.migration.name) !== p.checksum);
    if (changed.length > 0) {
      const names = changed.map((p) => p.migration.name).join(', ');
      throw dbErrors.DB_MIGRATION_CHANGED(`Applied migrations were edited afterwards: ${names}. Add a new migration instead.`);
    }
    const pending = plan.filter((p) => !done.has(p.migration.name));
    const applied: string[] = [];
    const written = new Set<string>();
    for (const item of pending) {
      for (const table of await applyOne(owner, item)) written.add(table);
      applied.push(item.migration.name);
      options.onProgress?.({ done: applied.length, total: pending.length, name: item.migration.name });
    }
    await grantAppRole(owner, options.appRole);
    await owner.exec(`COMMENT ON TABLE sys_migrations IS '${PLATFORM_STAMP}'`);
    await analyzeTables(owner, [...written]);
    return { applied, alreadyApplied: plan.length - pending.length };
  } finally {
    await owner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
};

/**
 * What the platform's own functions and grants look like (they are replaced at every run, not
 * versioned migrations): kept as the comment of `sys_migrations`, so a database opened after an
 * upgrade that changed them is set up again even when no module migration is new.
 */
const PLATFORM_STAMP = createHash('sha256')
  .update(PLATFORM_SQL)
  .update(STATISTICS_SQL)
  .update(PARTITIONS_SQL)
  .update(APP_GRANTS_VERSION)
  .digest('hex');

const platformUpToDate = async (runner: SqlRunner): Promise<boolean> => {
  const { rows } = await runner.query<{ stamp: string | null }>("SELECT obj_description('sys_migrations'::regclass, 'pg_class') AS stamp");
  return rows[0]?.stamp === PLATFORM_STAMP;
};

/**
 * The report of a run with nothing to do, when every migration of these modules is applied and
 * unchanged and the platform's functions are current; nothing when `runMigrations` has work (or an
 * edited migration to report). Asked with the application's role, which may read `sys_migrations`;
 * a database that cannot answer (no such table yet) needs the run.
 */
export const migrationsUpToDate = async (runner: SqlRunner, modules: readonly ModuleDefinition[]): Promise<MigrationReport | undefined> => {
  try {
    if (!(await platformUpToDate(runner))) return undefined;
    const done = await appliedChecksums(runner);
    const plan = planMigrations(modules);
    return plan.every((p) => done.get(p.migration.name) === p.checksum) ? { applied: [], alreadyApplied: plan.length } : undefined;
  } catch {
    return undefined;
  }
};
