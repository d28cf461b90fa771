import pg from 'pg';
import { POOL_IDLE_MS } from './pool-idle.js';
import { toQueryConfig } from './prepared.js';

/** Sets the tenant for the session (not one transaction): the read pool's connections keep it between statements. */
const SET_SESSION_TENANT_SQL = "SELECT set_config('app.tenant_id', $1, false)";

/** The tenant a read connection's session is set to, kept on the client object. */
const servedTenant = new WeakMap<pg.PoolClient, string>();

export interface TenantReadPoolOptions {
  readonly url: string;
  readonly appRole: string;
  readonly max: number;
  readonly statementTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  /** See PostgresOptions.idleTimeoutMs. */
  readonly idleTimeoutMs?: number;
  readonly types: pg.CustomTypesConfig;
}

/**
 * Read-only statements of one tenant in one round trip (see Database.tenantRead). A pool of its own,
 * used by nothing else, whose sessions are read-only (`default_transaction_read_only`) and keep
 * `app.tenant_id` between statements: a connection is switched (one more round trip) only when it last
 * served another tenant, so a statement needs no BEGIN, no tenant switch and no COMMIT around it.
 * Row-level security applies as in a tenant transaction. A connection whose switch or statement was
 * cut off is destroyed, never reused with an unknown tenant.
 */
export const createTenantReadPool = (options: TenantReadPoolOptions) => {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    types: options.types,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? POOL_IDLE_MS,
    statement_timeout: options.statementTimeoutMs || undefined,
    options: `-c role=${options.appRole} -c default_transaction_read_only=on`,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it.
  });
  const read = async (tenantId: string, text: string, params: readonly unknown[] | undefined): Promise<pg.QueryResult> => {
    const client = await pool.connect();
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      if (servedTenant.get(client) !== tenantId) {
        servedTenant.delete(client);
        await client.query(SET_SESSION_TENANT_SQL, [tenantId]);
        servedTenant.set(client, tenantId);
      }
      return await client.query(toQueryConfig(text, params as unknown[]));
    } catch (error) {
      // A statement's own error (a bad value, a timeout) leaves the session as it was; anything else may not have.
      if (!(error instanceof Error && 'severity' in error)) broken = true;
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  };
  return { read, close: () => pool.end() };
};
