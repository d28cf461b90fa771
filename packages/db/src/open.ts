import { resolve } from 'node:path';
import type { Config, ModuleDefinition } from '@rustok/kernel';
import type { Database } from './database.js';
import { type MigrationReport, migrationsUpToDate, runMigrations } from './migrate.js';
import { openPglite } from './pglite.js';
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
}

export interface OpenedDatabase {
  readonly db: Database;
  readonly migrations: MigrationReport | undefined;
}

/** PostgreSQL when `database.url` is set, embedded PGlite in `database.data_dir` otherwise. */
export const openDatabase = async (options: OpenDatabaseOptions): Promise<OpenedDatabase> => {
  const { database } = options.config;
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
        statementTimeoutMs: database.statement_timeout_ms,
        ownerSetup,
      })
    : await openPglite({
        dataDir: options.inMemory ? undefined : resolve(options.root, database.data_dir),
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
