import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { dbErrors, embeddedDatabaseExists } from '@rustok/db';
import type { Kernel } from '../boot.js';

/**
 * Whether the server is about to create its embedded database: no `database.url`, and the data
 * directory holds no database yet.
 */
export const createsEmbeddedDatabase = (kernel: Pick<Kernel, 'config' | 'root'>): boolean =>
  !kernel.config.database.url && !embeddedDatabaseExists(resolve(kernel.root, kernel.config.database.data_dir));

/** Runs `rustok migrate` as a child of this process (same Node, flags, script and environment); resolves with its exit code. */
export type MigrateApart = () => Promise<number | null>;

const migrateInChild: MigrateApart = () =>
  new Promise((done, fail) => {
    const script = process.argv[1];
    if (!script) return fail(new Error('the command line has no script to run `migrate` with'));
    const child = spawn(process.execPath, [...process.execArgv, script, 'migrate'], { env: process.env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => done(code));
  });

/**
 * A new embedded database is created and migrated by a short-lived child process (`rustok migrate`)
 * before the server opens it. Creating the cluster and running every migration leaves the process
 * that did it with tens of megabytes of freed but fragmented C heap for the rest of its life; done
 * apart, a server's first start holds what its later starts hold (bench/README.md, `startup`). An
 * existing database (or PostgreSQL) is opened as before, pending migrations run in the server.
 */
export const prepareEmbeddedApart = async (
  kernel: Pick<Kernel, 'config' | 'root'>,
  migrate: MigrateApart = migrateInChild,
): Promise<boolean> => {
  if (!createsEmbeddedDatabase(kernel)) return false;
  const code = await migrate();
  if (code !== 0) {
    throw dbErrors.DB_MIGRATION_FAILED(`creating the embedded database failed: \`rustok migrate\` exited with ${code ?? 'a signal'}`);
  }
  return true;
};
