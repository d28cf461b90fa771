import type { SqlRunner } from '@rustok/kernel';

export interface TransactionOptions {
  /** Set as `app.tenant_id` for the transaction only, so row-level security policies can rely on it. */
  readonly tenantId?: string;
  readonly isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readonly readOnly?: boolean;
  /**
   * A read without parameters sent with BEGIN, in the same round trip on PostgreSQL. The first
   * `tx.query` of exactly this text (and no parameters) answers with the rows read then, without
   * going to the database again; later ones run as usual. For reads most transactions of a kind make
   * first (a module's settings), so that they cost no round trip of their own.
   */
  readonly prelude?: string;
}

/** A transaction: parameterised SQL through the runner (see docs/adr/0008-data-access.md). */
export interface Tx extends SqlRunner {
  readonly tenantId: string | undefined;
  /** Runs `fn` once the transaction has committed (never when it rolls back). Errors are not rethrown. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** Collects after-commit callbacks for one transaction. */
export const createAfterCommit = () => {
  const callbacks: (() => void | Promise<void>)[] = [];
  return {
    add: (fn: () => void | Promise<void>) => {
      callbacks.push(fn);
    },
    run: async (onError: (error: unknown) => void) => {
      for (const fn of callbacks) {
        try {
          await fn();
        } catch (error) {
          onError(error);
        }
      }
    },
  };
};

export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

/** One read replica as this process sees it (database.read_urls). */
export interface ReplicaStatus {
  /** `host:port` of its URL (no credentials). */
  readonly name: string;
  /** Serving reads: it answered the last check and was not behind by more than the allowed lag. */
  readonly up: boolean;
  /** How far behind the primary at the last check, in milliseconds; null when it did not answer. */
  readonly lagMs: number | null;
}

export interface Database extends SqlRunner {
  readonly kind: 'postgres' | 'pglite';
  /** Whether read replicas are configured (PostgreSQL with database.read_urls); false on PGlite. */
  readonly replicated: boolean;
  /**
   * Where reads that may trail the primary a little go: a healthy replica's view (its tenantRead,
   * query and read-only transactions run on the replica, anything else on the primary), or this
   * database itself when there are no replicas or none is healthy. Never for reads that must see a
   * write of the same client (see docs/operations.md, read replicas).
   */
  replicaReads(): Database;
  /**
   * Where background work goes (the event relay and the consumers' transactions): on
   * PostgreSQL a pool of its own (`database.background_pool_max`), so requests waiting for the
   * request pool never hold up the delivery of the events they wrote; the same database otherwise
   * (PGlite has one connection for everything).
   */
  background(): Database;
  /** Each replica's state; empty without replicas. */
  replicaStatus(): readonly ReplicaStatus[];
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * One read-only statement of a tenant, row-level security applied as in a transaction opened for it.
   * On PostgreSQL a pool of its own whose sessions keep the tenant they last served: usually one round
   * trip, no BEGIN or COMMIT (tenant-read.ts). For the storefront's hot reads.
   */
  tenantRead<Row extends Record<string, unknown> = Record<string, unknown>>(
    tenantId: string,
    text: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[] }>;
  /** LISTEN on a channel; `onNotify` gets each NOTIFY payload. Returns the function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Round trip with a bound on time; throws when the database does not answer. */
  ping(timeoutMs?: number): Promise<void>;
  stats(): PoolStats;
  close(): Promise<void>;
}

export const beginStatement = (options: TransactionOptions | undefined): string => {
  const parts = ['BEGIN'];
  if (options?.isolation) parts.push(`ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
  if (options?.readOnly) parts.push('READ ONLY');
  return parts.join(' ');
};

export const SET_TENANT_SQL = "SELECT set_config('app.tenant_id', $1, true)";

/**
 * The same transaction serving another tenant from its next statement on: the returned view sets
 * `app.tenant_id` (row-level security reads it per statement) before its first query, so a switch
 * that is never used costs no round trip. For work that handles several tenants' small batches in
 * one commit (the event dispatcher); views are used one after the other, never the old one after a new.
 */
export const switchTenant = (tx: Tx, tenantId: string): Tx => {
  let switched: Promise<unknown> | undefined;
  const ready = () => {
    switched ??= tx.query(SET_TENANT_SQL, [tenantId]);
    return switched;
  };
  return {
    tenantId,
    afterCommit: tx.afterCommit,
    query: async (text, params) => {
      await ready();
      return tx.query(text, params);
    },
    exec: async (text) => {
      await ready();
      await tx.exec(text);
    },
  };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * BEGIN and the tenant of the transaction in one simple-protocol round trip (no parameters there):
 * the tenant id is inlined, so it must be a well-formed UUID — anything else is refused.
 */
export const beginForTenant = (options: TransactionOptions | undefined, tenantId: string): string => {
  if (!UUID.test(tenantId)) throw new Error('A tenant transaction needs a well-formed tenant id');
  return `${beginStatement(options)}; SELECT set_config('app.tenant_id', '${tenantId}', true)`;
};

/** A query result kept for the first `tx.query` of its text (see TransactionOptions.prelude). */
export interface PreludeResult<R> {
  readonly text: string;
  readonly result: R;
}

/** Wraps a runner's `query` so that the first query of the prelude's text gets the kept result. */
export const answeringPrelude = <R>(
  query: (text: string, params?: readonly unknown[]) => Promise<R>,
  prelude: PreludeResult<R> | undefined,
): ((text: string, params?: readonly unknown[]) => Promise<R>) => {
  if (!prelude) return query;
  let kept: PreludeResult<R> | undefined = prelude;
  return (text, params) => {
    if (kept && text === kept.text && (params === undefined || params.length === 0)) {
      const { result } = kept;
      kept = undefined;
      return Promise.resolve(result);
    }
    return query(text, params);
  };
};

export const withTimeout = async <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
