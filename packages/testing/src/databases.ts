import { type Database, type MigrationReport, openPglite, openPostgres, type ReplicaOptions, withOwnerConnection } from '@rustok/db';
import { generateId, type ModuleDefinition } from '@rustok/kernel';
import { describe, inject } from 'vitest';
import { migratedImage } from './pglite-images.js';
import { postgresTemplate } from './postgres-templates.js';

export type BackendName = 'pglite' | 'postgres';

export interface TestBackend {
  readonly name: BackendName;
  /** Admin URL of the server (postgres only). */
  readonly url?: string;
}

export const APP_ROLE = 'rustok_app';

/** PGlite always; real PostgreSQL when DATABASE_URL points at a reachable server (always in CI). */
export const testBackends = (): TestBackend[] => {
  const { urls } = inject('services');
  return [{ name: 'pglite' }, ...(urls.postgres ? [{ name: 'postgres' as const, url: urls.postgres }] : [])];
};

/** The reason the PostgreSQL variant of a suite is not run, if it is not. */
export const postgresSkipReason = (): string | undefined => inject('services').skipped.postgres;

/**
 * Runs a suite once per backend. Where PostgreSQL is absent, its variant is declared skipped with
 * the reason in its title, so the report says what did not run and why.
 */
export const describeEachBackend = (title: string, body: (backend: TestBackend) => void): void => {
  for (const backend of testBackends()) describe(`${title} [${backend.name}]`, () => body(backend));
  const reason = postgresSkipReason();
  if (reason) describe.skip(`${title} [postgres: skipped, ${reason}]`, () => body({ name: 'postgres' }));
};

/**
 * Runs a suite on one backend only: a long file split in two (one file per backend) runs its
 * halves in two worker processes, side by side. PostgreSQL's half is declared skipped, with the reason,
 * where the server is absent.
 */
export const describeOnBackend = (name: BackendName, title: string, body: (backend: TestBackend) => void): void => {
  const backend = testBackends().find((b) => b.name === name);
  if (backend) describe(`${title} [${name}]`, () => body(backend));
  else describe.skip(`${title} [${name}: skipped, ${postgresSkipReason()}]`, () => body({ name }));
};

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export interface TestDatabase {
  readonly db: Database;
  readonly backend: TestBackend;
  /** Connection URL of the throw-away database (postgres only). */
  readonly url: string | undefined;
  readonly migrations: MigrationReport | undefined;
  cleanup(): Promise<void>;
}

/** A throw-away PostgreSQL database on the server; dropped by the returned function. */
export const createThrowawayDatabase = async (
  adminUrl: string,
  template?: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> => {
  const name = `rustok_t_${generateId().replace(/-/g, '').slice(-16)}`;
  await withOwnerConnection(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => withOwnerConnection(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
};

/** A throw-away PostgreSQL database copied from the migrated template of `modules` (for a server that would migrate it itself). */
export const createMigratedDatabase = async (
  adminUrl: string,
  appRole: string,
  modules: readonly ModuleDefinition[],
): Promise<{ url: string; name: string; drop: () => Promise<void> }> =>
  createThrowawayDatabase(adminUrl, (await postgresTemplate(adminUrl, appRole, modules)).name);

/**
 * The embedded database's buffer cache in tests: the server's default (config
 * database.embedded_shared_buffers_mb), not PGlite's 128 MB, which every open clears (about a
 * third of an open's time).
 */
export const TEST_SHARED_BUFFERS_MB = 16;

export interface OpenTestDatabaseOptions {
  /**
   * Server URLs of standbys of the backend's server: the database reads from its copy on each
   * (postgres only; see Database.replicaReads).
   */
  readonly replicas?: ReplicaOptions;
  /** PGlite's shared_buffers in MB (TEST_SHARED_BUFFERS_MB unless given). */
  readonly sharedBuffersMb?: number;
}

/** A fresh, migrated database on the backend (in-memory PGlite, or a throw-away PostgreSQL database). */
export const openTestDatabase = async (
  backend: TestBackend,
  modules: readonly ModuleDefinition[] = [],
  { replicas, sharedBuffersMb = TEST_SHARED_BUFFERS_MB }: OpenTestDatabaseOptions = {},
): Promise<TestDatabase> => {
  if (backend.name === 'pglite') {
    const { image, report } = await migratedImage(APP_ROLE, modules);
    const db = await openPglite({ appRole: APP_ROLE, image, imageReady: true, sharedBuffersMb });
    return { db, backend, url: undefined, migrations: report, cleanup: () => db.close() };
  }
  if (!backend.url) throw new Error('postgres backend without a URL');
  const template = await postgresTemplate(backend.url, APP_ROLE, modules);
  const migrations = template.report;
  const scratch = await createThrowawayDatabase(backend.url, template.name);
  const readUrls = replicas?.urls.map((url) => withDatabase(url, scratch.name)) ?? [];
  // A database that cannot be opened is dropped too (the caller gets the error, not the database).
  const db = await openPostgres({
    url: scratch.url,
    appRole: APP_ROLE,
    poolMax: 5,
    replicas: replicas && { ...replicas, urls: readUrls },
  }).catch(async (error: unknown) => {
    await scratch.drop();
    throw error;
  });
  return {
    db,
    backend,
    url: scratch.url,
    migrations,
    async cleanup() {
      await db.close();
      await scratch.drop();
    },
  };
};
