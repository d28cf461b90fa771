import type { Database } from '@rustok/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Read-your-writes with read replicas (database.read_urls). A response to a request that wrote
 * carries this cookie, holding the time of the write (milliseconds since the epoch); while it is
 * younger than database.read_your_writes_ms, that client's reads go to the primary. The state is
 * the client's, so it holds across any number of API processes; a client without cookies (a script
 * with a token) reads from replicas, at most database.replica_max_lag_ms behind.
 *
 * Why a time and not the write's WAL position: what the storefront reads (the index) is written
 * after the request, by the index's consumers, at a position the request never learns.
 */
export const WROTE_COOKIE = 'rustok_wrote';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MARK = `${WROTE_COOKIE}=`;

/** The time in the request's cookie, if there is one. */
const wroteAt = (cookie: string | undefined): number | undefined => {
  if (cookie === undefined) return undefined;
  const at = cookie.indexOf(MARK);
  if (at < 0 || (at > 0 && cookie[at - 1] !== ' ' && cookie[at - 1] !== ';')) return undefined;
  const value = Number.parseInt(cookie.slice(at + MARK.length, at + MARK.length + 16), 10);
  return Number.isFinite(value) ? value : undefined;
};

/** Whether this request's client wrote less than database.read_your_writes_ms ago (false without replicas). */
export const wroteRecently = (request: FastifyRequest): boolean => {
  const { db, config } = request.server.rustok;
  if (!db.replicated) return false;
  const at = wroteAt(request.headers.cookie);
  return at !== undefined && Date.now() - at < config.database.read_your_writes_ms;
};

/**
 * The database this request's reads that may trail the primary go to: a replica (Database.replicaReads),
 * or the primary when there are none or the client has just written. Without replicas, the database
 * itself at the cost of one property read.
 */
export const readDatabaseOf = (request: FastifyRequest): Database => {
  const { db } = request.server.rustok;
  if (!db.replicated) return db;
  return wroteRecently(request) ? db : db.replicaReads();
};

/** A GraphQL POST that is certainly no mutation (its text names none) wrote nothing. */
const graphqlRead = (request: FastifyRequest): boolean => {
  if (!request.url.startsWith('/graphql')) return false;
  const query = (request.body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' && !/\bmutation\b/.test(query);
};

/**
 * Sets the cookie on successful answers to requests that may have written (any method but GET, HEAD
 * and OPTIONS, GraphQL queries excepted). Nothing is registered without replicas or with a window of 0.
 */
export const registerReadYourWrites = (app: FastifyInstance, db: Database, windowMs: number): void => {
  if (!db.replicated || windowMs <= 0) return;
  const attributes = `; Max-Age=${Math.ceil(windowMs / 1000)}; Path=/; HttpOnly; SameSite=Lax`;
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400 && !graphqlRead(request))
      reply.header('set-cookie', `${WROTE_COOKIE}=${Date.now()}${attributes}`);
    done(null, payload);
  });
};
