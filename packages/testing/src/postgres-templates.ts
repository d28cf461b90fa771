import { isAlive, type MigrationReport, openPostgres, runMigrations, withOwnerConnection } from '@rustok/db';
import type { ModuleDefinition, SqlRunner } from '@rustok/kernel';
import { migrationKey } from './pglite-images.js';
import { until } from './until.js';

/**
 * Migrated template databases on the test PostgreSQL server. Migrating every module into a new
 * database took 6–11 s per suite on two cores; `CREATE DATABASE … TEMPLATE` copies a migrated one
 * in a fraction of that. A template is named by the same key as the embedded images (the role and
 * every module's migrations), built once per server under an advisory lock (test files run in
 * processes of their own) into a scratch name and renamed when complete, so a build that dies
 * half-way is never used. The migration report rides along as the database's comment.
 */
export interface PostgresTemplate {
  readonly name: string;
  readonly report: MigrationReport;
}

const inProcess = new Map<string, Promise<PostgresTemplate>>();

/** What a template's comment holds. */
interface Stamp {
  readonly builtAt: number;
  readonly report: MigrationReport;
}

/** Templates built more than this long ago are dropped when another is built (they are caches). */
const KEEP_MS = 3 * 24 * 3600_000;

const stampOf = async (adminUrl: string, name: string): Promise<Stamp | undefined> => {
  const { rows } = await withOwnerConnection(adminUrl, (admin) =>
    admin.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [
      name,
    ]),
  );
  const comment = rows[0]?.comment;
  return comment ? (JSON.parse(comment) as Stamp) : undefined;
};

/** A build's scratch name (see build) and the process building it. */
const SCRATCH = /^rustok_tpl_[0-9a-f]+_b(\d+)$/;

/** Whether this is the scratch database of a build whose process is still running (another test process's, not yet stamped). */
const buildRunning = (name: string): boolean => {
  const pid = SCRATCH.exec(name)?.[1];
  return pid !== undefined && isAlive(Number(pid));
};

/**
 * Drops the templates of other migration sets built before the keeping window, and the scratch
 * databases of builds whose process is gone. A build still going (another test process's, between
 * its migrations and its rename) has no stamp yet and is left alone.
 */
export const pruneOld = async (admin: SqlRunner, keep: string): Promise<void> => {
  const { rows } = await admin.query<{ name: string; comment: string | null }>(
    `SELECT datname AS name, shobj_description(oid, 'pg_database') AS comment FROM pg_database
      WHERE datname LIKE 'rustok\\_tpl\\_%' AND datname <> $1`,
    [keep],
  );
  for (const { name, comment } of rows) {
    if (buildRunning(name)) continue;
    const builtAt = comment ? (JSON.parse(comment) as Partial<Stamp>).builtAt : undefined;
    if (builtAt !== undefined && Date.now() - builtAt < KEEP_MS) continue;
    await admin.exec(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
  }
};

const urlOf = (adminUrl: string, name: string): string => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

const build = async (adminUrl: string, name: string, appRole: string, modules: readonly ModuleDefinition[]) => {
  const scratch = `${name}_b${process.pid}`;
  await withOwnerConnection(adminUrl, async (admin) => {
    await admin.exec(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${scratch}`);
  });
  let report: MigrationReport | undefined;
  const db = await openPostgres({
    url: urlOf(adminUrl, scratch),
    appRole,
    poolMax: 1,
    ownerSetup: async (owner) => {
      report = await runMigrations(owner, modules, { appRole });
    },
  });
  await db.close();
  if (!report) throw new Error('the migrations did not run');
  await withOwnerConnection(adminUrl, async (admin) => {
    const stamp: Stamp = { builtAt: Date.now(), report: report as MigrationReport };
    await admin.exec(`COMMENT ON DATABASE ${scratch} IS '${JSON.stringify(stamp).replace(/'/g, "''")}'`);
    // A closed pool's server processes may still be exiting: RENAME refuses a database anyone is on.
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [scratch]);
    await untilNoSessions(admin, scratch);
    await admin.exec(`ALTER DATABASE ${scratch} RENAME TO ${name}`);
    await pruneOld(admin, name);
  });
  return report;
};

/** Waits (up to 10 s) until no session is connected to `database`. */
const untilNoSessions = (admin: SqlRunner, database: string): Promise<boolean> =>
  until(
    async () => {
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
      return rows[0]?.n === 0;
    },
    `the sessions on ${database} to end`,
    10_000,
    50,
  );

const ensure = async (adminUrl: string, name: string, appRole: string, modules: readonly ModuleDefinition[]) => {
  const ready = await stampOf(adminUrl, name);
  if (ready) return { name, report: ready.report };
  // One builder per server and template; the others wait on the lock and find it built.
  return withOwnerConnection(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const report = (await stampOf(adminUrl, name))?.report ?? (await build(adminUrl, name, appRole, modules));
      return { name, report };
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
};

/** The migrated template of `modules` for `appRole` on the server at `adminUrl` (built on first use). */
export const postgresTemplate = (adminUrl: string, appRole: string, modules: readonly ModuleDefinition[]): Promise<PostgresTemplate> => {
  const name = `rustok_tpl_${migrationKey(appRole, modules)}`;
  const key = `${adminUrl}\n${name}`;
  let template = inProcess.get(key);
  if (!template) {
    template = ensure(adminUrl, name, appRole, modules);
    inProcess.set(key, template);
    template.catch(() => inProcess.delete(key));
  }
  return template;
};
