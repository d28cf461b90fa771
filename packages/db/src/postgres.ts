import type { SqlRunner } from '@rustok/kernel';
import pg from 'pg';
import { ensureAppRole } from './app-role.js';
import { type Database, withTimeout } from './database.js';
import { listenPostgres } from './listen.js';
import { runTransaction, types } from './pg-transaction.js';
import { POOL_IDLE_MS } from './pool-idle.js';
import { toQueryConfig } from './prepared.js';
import { createReplicaSet, type ReplicaOptions, type ReplicaSet } from './replicas.js';
import { createTenantReadPool } from './tenant-read.js';
import { rethrowUnavailable } from './unavailable.js';

export interface PostgresOptions {
  readonly url: string;
  readonly appRole: string;
  readonly poolMax?: number;
  /** Connections of the tenant read pool (tenantRead); opened as reads need them. */
  readonly readPoolMax?: number;
  /** Connections of the background pool (Database.background); opened as background work needs them. */
  readonly backgroundPoolMax?: number;
  readonly statementTimeoutMs?: number;
  /** Bound on waiting for a connection; keeps readiness checks fast when the server is gone. */
  readonly connectTimeoutMs?: number;
  /** How long a pooled connection may stay idle before it is closed (every pool); 0 keeps them open. See POOL_IDLE_MS. */
  readonly idleTimeoutMs?: number;
  /** Runs once as the owner (the URL's user) before the application pool opens: migrations. */
  readonly ownerSetup?: (owner: SqlRunner) => Promise<void>;
  readonly onAfterCommitError?: (error: unknown) => void;
  /** Read replicas (database.read_urls): see Database.replicaReads. None when absent or empty. */
  readonly replicas?: ReplicaOptions;
}

/** The replicas of the options, if any: checked once before the database is handed out. */
const startReplicas = async (pool: pg.Pool, options: PostgresOptions, primary: () => Database): Promise<ReplicaSet | undefined> => {
  if (!options.replicas?.urls.length) return undefined;
  const set = createReplicaSet(pool, options.replicas, {
    appRole: options.appRole,
    max: options.readPoolMax ?? 10,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
    onAfterCommitError: options.onAfterCommitError,
  });
  await set.start(primary());
  return set;
};

/** Runs `fn` over one owner connection (no role switch), then closes it. */
export const withOwnerConnection = async <T>(url: string, fn: (owner: SqlRunner) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url, types });
  // A lost connection fails the statement in flight; the event itself must not go unheard.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn({
      query: (text, params) => client.query(toQueryConfig(text, params as unknown[])) as never,
      exec: async (text) => {
        await client.query(text);
      },
    });
  } finally {
    await client.end();
  }
};

/** A pool of the application role's connections. */
const appPool = (options: PostgresOptions, max: number): pg.Pool => {
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    types,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? POOL_IDLE_MS,
    statement_timeout: options.statementTimeoutMs || undefined,
    options: `-c role=${options.appRole}`,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Readiness reports the outage.
  });
  return pool;
};

/** What a Database does over one pool of the application role: statements, transactions, ping and the pool's counts. */
const overPool = (pool: pg.Pool, max: number, options: PostgresOptions) =>
  ({
    query: (text, params) => pool.query(toQueryConfig(text, params as unknown[])).catch(rethrowUnavailable) as never,
    exec: async (text) => {
      await pool.query(text).catch(rethrowUnavailable);
    },
    transaction: (fn, txOptions) => runTransaction(pool, fn, txOptions, options.onAfterCommitError).catch(rethrowUnavailable),
    async ping(timeoutMs = 2_000) {
      await withTimeout(pool.query('SELECT 1'), timeoutMs, 'PostgreSQL');
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
  }) satisfies Pick<Database, 'query' | 'exec' | 'transaction' | 'ping' | 'stats'>;

export const openPostgres = async (options: PostgresOptions): Promise<Database> => {
  await withOwnerConnection(options.url, async (owner) => {
    await ensureAppRole(owner, options.appRole);
    await options.ownerSetup?.(owner);
  });
  const max = options.poolMax ?? 10;
  const pool = appPool(options, max);
  const backgroundMax = options.backgroundPoolMax ?? 8;
  const backgroundPool = appPool(options, backgroundMax);
  const reads = createTenantReadPool({
    url: options.url,
    appRole: options.appRole,
    max: options.readPoolMax ?? 10,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
    types,
  });
  let closing: Promise<void> | undefined;
  let replicas: ReplicaSet | undefined;
  const db: Database = {
    kind: 'postgres',
    replicated: (options.replicas?.urls.length ?? 0) > 0,
    replicaReads: () => replicas?.choose() ?? db,
    replicaStatus: () => replicas?.status() ?? [],
    background: () => background,
    tenantRead: (tenantId, text, params) => reads.read(tenantId, text, params).catch(rethrowUnavailable) as never,
    ...overPool(pool, max, options),
    listen: (channel, onNotify) => listenPostgres(options.url, options.appRole, channel, onNotify),
    close: () => {
      closing ??= Promise.all([pool.end(), backgroundPool.end(), reads.close(), replicas?.close()]).then(() => {});
      return closing;
    },
  };
  const background: Database = { ...db, ...overPool(backgroundPool, backgroundMax, options) };
  replicas = await startReplicas(pool, options, () => db);
  return db;
};
