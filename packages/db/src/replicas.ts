import pg from 'pg';
import { type Database, type ReplicaStatus, withTimeout } from './database.js';
import { runTransaction, types } from './pg-transaction.js';
import { POOL_IDLE_MS } from './pool-idle.js';
import { toQueryConfig } from './prepared.js';
import { createLagClock, parseLsn } from './replica-lag.js';
import { createTenantReadPool } from './tenant-read.js';
import { databaseUnavailable } from './unavailable.js';

export interface ReplicaOptions {
  /** Connection URLs of the replicas: the same user and database as the primary's, on standbys. */
  readonly urls: readonly string[];
  /** A replica further behind than this serves no reads until it has caught up. */
  readonly maxLagMs: number;
  /** How often each replica's lag is measured (and a stopped one tried again). */
  readonly checkMs: number;
  /** Called when a replica starts or stops serving reads. */
  readonly onChange?: (status: ReplicaStatus) => void;
}

export interface ReplicaPoolSettings {
  readonly appRole: string;
  /** Connections of each of a replica's two pools (tenant reads; other reads and the checks). */
  readonly max: number;
  readonly statementTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  /** See PostgresOptions.idleTimeoutMs. */
  readonly idleTimeoutMs?: number;
  readonly onAfterCommitError?: (error: unknown) => void;
}

interface Replica {
  readonly name: string;
  readonly pool: pg.Pool;
  readonly reads: ReturnType<typeof createTenantReadPool>;
  status: ReplicaStatus;
  view?: Database;
}

/** The primary's flushed WAL position (what a standby can have received), and a standby's replayed one. */
const PRIMARY_SQL = 'SELECT pg_current_wal_flush_lsn()::text AS lsn';
const REPLAY_SQL = 'SELECT pg_last_wal_replay_lsn()::text AS lsn';

/** `host:port` of a URL, without credentials or database: the replica's name in metrics and logs. */
export const replicaName = (url: string): string => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}`;
};

const openReplica = (url: string, settings: ReplicaPoolSettings): Replica => {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    types,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 2_000,
    idleTimeoutMillis: settings.idleTimeoutMs ?? POOL_IDLE_MS,
    statement_timeout: settings.statementTimeoutMs || undefined,
    options: `-c role=${settings.appRole} -c default_transaction_read_only=on`,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the next check marks the replica down if it is.
  });
  const reads = createTenantReadPool({ ...settings, url, types, connectTimeoutMs: settings.connectTimeoutMs ?? 2_000 });
  const name = replicaName(url);
  return { name, pool, reads, status: { name, up: false, lagMs: null } };
};

/** Errors after which a read is run again on the primary: the replica is away, or replay cancelled the statement. */
const replicaFailed = (error: unknown): boolean =>
  databaseUnavailable(error) !== undefined || (error as { code?: unknown } | undefined)?.code === '40001';

/** Reads on the replica; on the primary when the replica fails them (`down` is told when it is away). */
const orPrimary = <T>(attempt: () => Promise<T>, primary: () => Promise<T>, down: () => void): Promise<T> =>
  attempt().catch((error: unknown) => {
    if (!replicaFailed(error)) throw error;
    if (databaseUnavailable(error)) down();
    return primary();
  });

/**
 * The primary as seen through a replica: tenant reads, queries and read-only transactions (not
 * serializable ones, which a standby refuses) run on the replica; everything else on the primary.
 */
const replicaView = (replica: Replica, primary: Database, settings: ReplicaPoolSettings, down: () => void): Database => {
  const view: Database = {
    ...primary,
    tenantRead: (tenantId, text, params) =>
      orPrimary(
        () => replica.reads.read(tenantId, text, params),
        () => primary.tenantRead(tenantId, text, params),
        down,
      ) as never,
    query: (text, params) =>
      orPrimary(
        () => replica.pool.query(toQueryConfig(text, params as unknown[])),
        () => primary.query(text, params),
        down,
      ) as never,
    transaction: (fn, txOptions) =>
      txOptions?.readOnly && txOptions.isolation !== 'serializable'
        ? orPrimary(
            () => runTransaction(replica.pool, fn, txOptions, settings.onAfterCommitError),
            () => primary.transaction(fn, txOptions),
            down,
          )
        : primary.transaction(fn, txOptions),
    replicaReads: () => view,
  };
  return view;
};

/**
 * Every `checkMs`: the primary's WAL position, then each replica's replayed one, giving its lag
 * (createLagClock) and so its status: serving when it answered and is at most `maxLagMs` behind.
 */
const createReplicaChecks = (
  primaryPool: pg.Pool,
  replicas: readonly Replica[],
  options: ReplicaOptions,
  setStatus: (replica: Replica, status: ReplicaStatus) => void,
) => {
  const clock = createLagClock(Math.max(options.maxLagMs * 2, 60_000));
  const bound = options.checkMs + 1_000;
  const probe = async (replica: Replica): Promise<void> => {
    const down = { name: replica.name, up: false, lagMs: null };
    try {
      const { rows } = await withTimeout(replica.pool.query<{ lsn: string | null }>(REPLAY_SQL), bound, 'replica');
      const replayed = rows[0]?.lsn;
      // Not in recovery: a promoted former standby is a primary of its own now, not a copy of this one.
      if (!replayed) return setStatus(replica, down);
      const lagMs = clock.lagMs(parseLsn(replayed), Date.now());
      setStatus(replica, { name: replica.name, up: lagMs <= options.maxLagMs, lagMs });
    } catch {
      setStatus(replica, down);
    }
  };
  const check = async (): Promise<void> => {
    try {
      const { rows } = await withTimeout(primaryPool.query<{ lsn: string }>(PRIMARY_SQL), bound, 'PostgreSQL');
      if (rows[0]) clock.sample(parseLsn(rows[0].lsn), Date.now());
    } catch {
      // The primary is away: no new positions; the replicas keep serving what they have.
    }
    await Promise.all(replicas.map(probe));
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = check().finally(schedule);
    }, options.checkMs);
    timer.unref();
  };
  return {
    /** Checks once, then every checkMs. */
    start: () => check().then(schedule),
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
};

/**
 * The replicas of one primary: a view of each (replicaView), checks that take a replica out of the
 * reads when it does not answer or is too far behind and back in when it recovers, and a round robin
 * over the ones serving. A read that finds its replica away marks it down at once.
 */
export const createReplicaSet = (primaryPool: pg.Pool, options: ReplicaOptions, settings: ReplicaPoolSettings) => {
  const replicas = options.urls.map((url) => openReplica(url, settings));
  let serving: Replica[] = [];
  let turn = 0;
  const setStatus = (replica: Replica, status: ReplicaStatus): void => {
    const changed = replica.status.up !== status.up;
    replica.status = status;
    if (!changed) return;
    serving = replicas.filter((r) => r.status.up && r.view);
    options.onChange?.(status);
  };
  const checks = createReplicaChecks(primaryPool, replicas, options, setStatus);
  return {
    /** Makes the views over the primary and checks every replica once before the first read. */
    async start(primary: Database): Promise<void> {
      for (const replica of replicas)
        replica.view = replicaView(replica, primary, settings, () => setStatus(replica, { name: replica.name, up: false, lagMs: null }));
      await checks.start();
    },
    /** A serving replica's view (round robin), or undefined when none serves. */
    choose(): Database | undefined {
      const n = serving.length;
      if (n === 0) return undefined;
      turn = (turn + 1) % n;
      return serving[turn]?.view;
    },
    status: (): readonly ReplicaStatus[] => replicas.map((r) => r.status),
    async close(): Promise<void> {
      await checks.stop();
      await Promise.all(replicas.flatMap((r) => [r.pool.end(), r.reads.close()]));
    },
  };
};

export type ReplicaSet = ReturnType<typeof createReplicaSet>;
