import { resolve } from 'node:path';
import type { Config, ModuleDefinition } from '@rustok/kernel';
import type { Database, ReplicaStatus } from './database.js';
import { type MigrationReport, migrationsUpToDate, runMigrations } from './migrate.js';
import { embeddedDatabaseExists, openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface OpenDatabaseOptions {
  readonly config: Pick<Config, 'database'>;
  /** Project root: a relative data_dir is read from here. */
  readonly root: string;
  /** Migrate these modules (in this order) before opening; omit to open without migrating. */
  readonly migrate?: readonly ModuleDefinition[];
  readonly onMigrationProgress?: (event: { done: number; total: number; name: string }) => void;
  /** Open the embedded database in memory (tests). */
  readonly inMemory?: boolean;
  /**
   * An image of the embedded database already migrated for `migrate` as the application role, to
   * start a new one from instead of initialising and migrating it (tests start many). Asked for only
   * when the embedded database is opened with `migrate` and holds nothing yet (or is in memory).
   */
  readonly embeddedImage?: (appRole: string, modules: readonly ModuleDefinition[]) => Promise<Blob>;
  /** Told when a read replica starts or stops serving reads (PostgreSQL with database.read_urls). */
  readonly onReplicaChange?: (status: ReplicaStatus) => void;
}

export interface OpenedDatabase {
  readonly db: Database;
  readonly migrations: MigrationReport | undefined;
}

/** The migrated image to start a new embedded database from, when one is offered and there is no database yet. */
const readyImage = async (options: OpenDatabaseOptions, dataDir: string | undefined): Promise<{ image?: Blob; imageReady?: true }> => {
  if (!options.embeddedImage || !options.migrate) return {};
  if (dataDir && embeddedDatabaseExists(dataDir)) return {};
  return { image: await options.embeddedImage(options.config.database.app_role, options.migrate), imageReady: true };
};

/**
 * PostgreSQL when `database.url` is set (with its read replicas, database.read_urls), embedded PGlite in
 * `database.data_dir` otherwise (which has no replicas: read_urls is ignored).
 */
export const openDatabase = async (options: OpenDatabaseOptions): Promise<OpenedDatabase> => {
  const { database } = options.config;
  const dataDir = options.inMemory ? undefined : resolve(options.root, database.data_dir);
  let migrations: MigrationReport | undefined;
  const ownerSetup = options.migrate
    ? async (owner: Parameters<typeof runMigrations>[0]) => {
        migrations = await runMigrations(owner, options.migrate ?? [], {
          appRole: database.app_role,
          onProgress: options.onMigrationProgress,
        });
      }
    : undefined;
  const db = database.url
    ? await openPostgres({
        url: database.url,
        appRole: database.app_role,
        poolMax: database.pool_max,
        readPoolMax: database.read_pool_max,
        backgroundPoolMax: database.background_pool_max,
        idleTimeoutMs: database.pool_idle_ms,
        statementTimeoutMs: database.statement_timeout_ms,
        ownerSetup,
        replicas: {
          urls: database.read_urls,
          maxLagMs: database.replica_max_lag_ms,
          checkMs: database.replica_check_ms,
          onChange: options.onReplicaChange,
        },
      })
    : await openPglite({
        dataDir,
        ...(await readyImage(options, dataDir)),
        appRole: database.app_role,
        sharedBuffersMb: database.embedded_shared_buffers_mb,
        ownerSetup,
        ownerSetupNeeded: options.migrate
          ? async (app) => {
              migrations = await migrationsUpToDate(app, options.migrate ?? []);
              return migrations === undefined;
            }
          : undefined,
      });
  return { db, migrations };
};
