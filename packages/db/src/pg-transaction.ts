import pg from 'pg';
import {
  answeringPrelude,
  beginForTenant,
  beginStatement,
  createAfterCommit,
  type PreludeResult,
  type TransactionOptions,
  type Tx,
} from './database.js';
import { toQueryConfig } from './prepared.js';

/** node-postgres pools' type parsers. */
export const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    // bigint counts fit in a double; everything else keeps pg's defaults
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
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
export const runTransaction = async <T>(
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
