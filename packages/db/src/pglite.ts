import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlRunner } from '@rustok/kernel';
import { ensureAppRole } from './app-role.js';
import {
  answeringPrelude,
  createAfterCommit,
  type Database,
  type PreludeResult,
  SET_TENANT_SQL,
  type Tx,
  withTimeout,
} from './database.js';
import { acquireDirectoryLock } from './lock.js';
import { createPgliteSession } from './pglite-session.js';

export interface PgliteOptions {
  /** Folder for the embedded database and its lock; omit for an in-memory database. */
  readonly dataDir?: string;
  /**
   * A prepared database image (from a template) to start from: an in-memory database, or a data
   * directory that holds no database yet (an existing one is opened as it is).
   */
  readonly image?: Blob | File;
  /**
   * The image already holds the application role and everything `ownerSetup` would do: the owner
   * instance is skipped (in a data directory, unless `ownerSetupNeeded` still finds work for it).
   */
  readonly imageReady?: boolean;
  readonly appRole: string;
  /** PostgreSQL's shared_buffers in MB (PGlite's default is 128 MB, most of an idle server's memory). */
  readonly sharedBuffersMb?: number;
  /** Runs once as the owner (superuser of the embedded cluster) before the application opens it: migrations. */
  readonly ownerSetup?: (owner: SqlRunner) => Promise<void>;
  /**
   * Asked of the application's own session on a database that exists already: whether `ownerSetup`
   * has anything to do. When it has not (a restart of the same release), the owner instance is not
   * opened at all: one embedded instance is started instead of two, in time and in memory.
   */
  readonly ownerSetupNeeded?: (app: SqlRunner) => Promise<boolean>;
  readonly onAfterCommitError?: (error: unknown) => void;
}

const parsers = { 20: (v: string) => Number(v) } as const;
/** Contrib extensions the embedded cluster can CREATE (trigram search of the index module). Never pgcrypto: ids are made in the app. */
const extensions = { pg_trgm };

const runnerOf = (db: PGlite | Transaction): SqlRunner => ({
  query: (text, params) => db.query(text, params as unknown[]) as never,
  exec: async (text) => {
    await db.exec(text);
  },
});

/** PGlite's start parameters, with the buffer cache set when asked. */
const startParamsOf = (options: PgliteOptions): string[] | undefined =>
  options.sharedBuffersMb === undefined ? undefined : [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffersMb}MB`];

/** Opens the owner instance, prepares the role and schema, and returns the image to reopen from (memory) or nothing (files). */
const prepare = async (
  options: PgliteOptions,
  pgDir: string | undefined,
  compression: 'none' | 'gzip' = 'none',
): Promise<Blob | undefined> => {
  const startParams = startParamsOf(options);
  const owner = await PGlite.create({ dataDir: pgDir, loadDataDir: options.image, parsers, extensions, startParams } as PGliteOptions);
  try {
    await ensureAppRole(runnerOf(owner), options.appRole);
    await options.ownerSetup?.(runnerOf(owner));
    return pgDir === undefined ? await owner.dumpDataDir(compression) : undefined;
  } finally {
    await owner.close();
  }
};

const txOf = (
  t: Transaction,
  tenantId: string | undefined,
  afterCommit: (fn: () => void | Promise<void>) => void,
  prelude: PreludeResult<{ rows: Record<string, unknown>[] }> | undefined,
): Tx => {
  const runner = runnerOf(t);
  const query = answeringPrelude((text, params) => runner.query(text, params), prelude);
  return {
    tenantId,
    afterCommit,
    ...runner,
    query: (text, params) => query(text, params) as never,
  };
};

export interface PgliteImageOptions {
  /** The image to start from (e.g. a blank one); a fresh cluster (initdb) by default. */
  readonly from?: Blob;
  /** Runs as the owner before the image is taken (migrations); open the image with `imageReady` then. */
  readonly ownerSetup?: (owner: SqlRunner) => Promise<void>;
  /** `gzip`: about a tenth of the size, for images kept on disk. */
  readonly compression?: 'none' | 'gzip';
}

/**
 * An image of an embedded cluster with the application role (and whatever `ownerSetup` did), to
 * start in-memory databases from without running initdb and migrations each time (tests open many).
 */
export const createPgliteImage = async (appRole: string, options: PgliteImageOptions = {}): Promise<Blob> => {
  const image = await prepare({ appRole, image: options.from, ownerSetup: options.ownerSetup }, undefined, options.compression);
  if (!image) throw new Error('an in-memory database always yields an image');
  return image;
};

const openAppInstance = (options: PgliteOptions, pgDir: string | undefined, image: Blob | undefined): Promise<PGlite> =>
  PGlite.create({
    dataDir: pgDir,
    loadDataDir: image,
    username: options.appRole,
    parsers,
    extensions,
    startParams: startParamsOf(options),
  } as PGliteOptions);

/**
 * The application's instance of an existing database (or of a ready image unpacked into a new data
 * directory) when the owner has nothing to do; otherwise nothing (and none left open).
 */
const openWithoutOwner = async (options: PgliteOptions, pgDir: string | undefined): Promise<PGlite | undefined> => {
  if (!pgDir || !options.ownerSetupNeeded) return undefined;
  const exists = holdsDatabase(pgDir);
  const image = !exists && options.imageReady ? options.image : undefined;
  if (!exists && !image) return undefined;
  let app: PGlite | undefined;
  try {
    app = await openAppInstance(options, pgDir, image);
    if (!(await options.ownerSetupNeeded(runnerOf(app)))) return app;
  } catch {
    // e.g. the application role does not exist yet: the owner's setup creates it
  }
  await app?.close().catch(() => {});
  return undefined;
};

/** Whether the embedded cluster's folder holds a database (initialised, or unpacked from an image). */
const holdsDatabase = (pgDir: string): boolean => existsSync(join(pgDir, 'PG_VERSION'));

/** Where the embedded database of a data directory lives. */
const pgDirOf = (dataDir: string): string => join(dataDir, 'pglite');

/** Whether a data directory holds an embedded database already (a new one holds none). */
export const embeddedDatabaseExists = (dataDir: string): boolean => holdsDatabase(pgDirOf(dataDir));

/** The image is for a new data directory only: once one holds a database (unpacked from it or not), it is not loaded again. */
const withoutSpentImage = (options: PgliteOptions, pgDir: string | undefined): PgliteOptions =>
  pgDir && options.image && holdsDatabase(pgDir) ? { ...options, image: undefined } : options;

/**
 * Embedded PostgreSQL. Migrations run as the embedded superuser; the application then reopens the
 * database as a non-superuser role, so row-level security applies exactly as on a server.
 */
export const openPglite = async (options: PgliteOptions): Promise<Database> => {
  const release = options.dataDir ? acquireDirectoryLock(options.dataDir) : () => {};
  try {
    const pgDir = options.dataDir ? pgDirOf(options.dataDir) : undefined;
    const ready = options.imageReady && !pgDir ? await openAppInstance(options, undefined, options.image) : undefined;
    const db =
      ready ??
      (await openWithoutOwner(options, pgDir)) ??
      (await openAppInstance(options, pgDir, await prepare(withoutSpentImage(options, pgDir), pgDir)));
    let inFlight = 0;
    let closing: Promise<void> | undefined;
    const session = createPgliteSession(db);
    const runner = runnerOf(db);
    const database: Database = {
      kind: 'pglite',
      // The embedded database has no replicas: database.read_urls is ignored.
      replicated: false,
      replicaReads: () => database,
      background: () => database,
      replicaStatus: () => [],
      query: (text, params) => session.plain(() => runner.query(text, params)) as never,
      exec: (text) => session.plain(() => runner.exec(text)),
      async transaction(fn, txOptions) {
        const after = createAfterCommit();
        const result = await session.plain(() =>
          db.transaction(async (t) => {
            inFlight++;
            try {
              if (txOptions?.isolation) await t.query(`SET TRANSACTION ISOLATION LEVEL ${txOptions.isolation.toUpperCase()}`);
              if (txOptions?.readOnly) await t.query('SET TRANSACTION READ ONLY');
              if (txOptions?.tenantId) await t.query(SET_TENANT_SQL, [txOptions.tenantId]);
              // No round trip to save here (the database is in this process): the prelude runs on its own.
              const prelude = txOptions?.prelude
                ? { text: txOptions.prelude, result: await t.query<Record<string, unknown>>(txOptions.prelude) }
                : undefined;
              return await fn(txOf(t, txOptions?.tenantId, after.add, prelude));
            } finally {
              inFlight--;
            }
          }),
        );
        await after.run(options.onAfterCommitError ?? (() => {}));
        return result;
      },
      // One session for everything: it keeps the tenant of the last reads only until anything else runs (pglite-session.ts).
      tenantRead: (tenantId, text, params) => session.read(tenantId, () => runner.query(text, params)) as never,
      async listen(channel, onNotify) {
        const unsubscribe = await session.plain(() => db.listen(channel, onNotify));
        return () => session.plain(() => unsubscribe());
      },
      async ping(timeoutMs = 2_000) {
        await withTimeout(db.query('SELECT 1'), timeoutMs, 'PGlite');
      },
      stats: () => ({ total: 1, idle: inFlight === 0 ? 1 : 0, waiting: Math.max(0, inFlight - 1), max: 1 }),
      close() {
        closing ??= db.close().finally(release);
        return closing;
      },
    };
    return database;
  } catch (error) {
    release();
    throw error;
  }
};
