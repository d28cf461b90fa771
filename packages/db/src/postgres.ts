import type { SqlRunner } from '@rustok/kernel';
import pg from 'pg';
import { ensureAppRole } from './app-role.js';
import {
  answeringPrelude,
  beginForTenant,
  beginStatement,
  createAfterCommit,
  type Database,
  type PreludeResult,
  type TransactionOptions,
  type Tx,
  withTimeout,
} from './database.js';
import { listenPostgres } from './listen.js';
import { toQueryConfig } from './prepared.js';
import { createTenantReadPool } from './tenant-read.js';
import { rethrowUnavailable } from './unavailable.js';

export interface PostgresOptions {
  readonly url: string;
  readonly appRole: string;
  readonly poolMax?: number;
  /** Connections of the tenant read pool (tenantRead); opened as reads need them. */
  readonly readPoolMax?: number;
  readonly statementTimeoutMs?: number;
  /** Bound on waiting for a connection; keeps readiness checks fast when the server is gone. */
  readonly connectTimeoutMs?: number;
  /** Runs once as the owner (the URL's user) before the application pool opens: migrations. */
  readonly ownerSetup?: (owner: SqlRunner) => Promise<void>;
  readonly onAfterCommitError?: (error: unknown) => void;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    // bigint counts fit in a double; everything else keeps pg's defaults
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
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

const txFromClient = (
  client: pg.PoolClient,
  tenantId: string | undefined,
  afterCommit: (fn: () => void | Promise<void>) => void,
  prelude: PreludeResult<pg.QueryResult> | undefined,
): Tx => {
  const query = answeringPrelude((text, params) => client.query(toQueryConfig(text, params as unknown[])), prelude);
  return {
    tenantId,
    afterCommit,
    query: (text, params) => query(text, params) as never,
    exec: async (text) => {
      await client.query(text);
    },
  };
};

/** BEGIN (with the tenant), and the prelude in the same round trip when there is one. */
const begin = async (
  client: pg.PoolClient,
  txOptions: TransactionOptions | undefined,
): Promise<PreludeResult<pg.QueryResult> | undefined> => {
  const text = txOptions?.tenantId ? beginForTenant(txOptions, txOptions.tenantId) : beginStatement(txOptions);
  if (!txOptions?.prelude) {
    await client.query(text);
    return undefined;
  }
  // Several statements in one simple query: node-postgres answers with one result per statement.
  const results = (await client.query(`${text}; ${txOptions.prelude}`)) as unknown as pg.QueryResult | pg.QueryResult[];
  const result = Array.isArray(results) ? results[results.length - 1] : results;
  return result && { text: txOptions.prelude, result };
};

/**
 * One transaction on a pooled client. While the client is held, its `'error'` event (the server
 * ended the connection: a restart, `pg_terminate_backend`, a network cut) is heard here: the pool
 * stops listening to a client it has handed out, and an unheard `'error'` would end the process.
 * Such a client is destroyed on release instead of going back to the pool.
 */
const runTransaction = async <T>(
  pool: pg.Pool,
  fn: (tx: Tx) => Promise<T>,
  txOptions: TransactionOptions | undefined,
  onAfterCommitError: ((error: unknown) => void) | undefined,
): Promise<T> => {
  const client = await pool.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    client.removeListener('error', onError);
    client.release(broken);
  };
  const after = createAfterCommit();
  try {
    const prelude = await begin(client, txOptions);
    const result = await fn(txFromClient(client, txOptions?.tenantId, after.add, prelude));
    await client.query('COMMIT');
    release();
    await after.run(onAfterCommitError ?? (() => {}));
    return result;
  } catch (error) {
    if (!broken) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
    }
    throw error;
  } finally {
    release();
  }
};

export const openPostgres = async (options: PostgresOptions): Promise<Database> => {
  await withOwnerConnection(options.url, async (owner) => {
    await ensureAppRole(owner, options.appRole);
    await options.ownerSetup?.(owner);
  });
  const max = options.poolMax ?? 10;
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    types,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs || undefined,
    options: `-c role=${options.appRole}`,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Readiness reports the outage.
  });
  const reads = createTenantReadPool({
    url: options.url,
    appRole: options.appRole,
    max: options.readPoolMax ?? 10,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    types,
  });
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    tenantRead: (tenantId, text, params) => reads.read(tenantId, text, params).catch(rethrowUnavailable) as never,
    query: (text, params) => pool.query(toQueryConfig(text, params as unknown[])).catch(rethrowUnavailable) as never,
    exec: async (text) => {
      await pool.query(text).catch(rethrowUnavailable);
    },
    transaction: (fn, txOptions) => runTransaction(pool, fn, txOptions, options.onAfterCommitError).catch(rethrowUnavailable),
    listen: (channel, onNotify) => listenPostgres(options.url, options.appRole, channel, onNotify),
    async ping(timeoutMs = 2_000) {
      await withTimeout(pool.query('SELECT 1'), timeoutMs, 'PostgreSQL');
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    close: () => {
      closing ??= Promise.all([pool.end(), reads.close()]).then(() => {});
      return closing;
    },
  };
};
