import { ApiError, problemOf } from './problem.js';
import { readSession, type Session, writeSession } from './session.js';

const TENANT_HEADER = 'x-tenant-id';

interface Call {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  /** The tenant to name when there is no session yet (sign-in). */
  readonly tenant?: string;
  /** More request headers (they do not replace the tenant and authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Ends the request (and a streamed answer) when aborted. */
  readonly signal?: AbortSignal;
}

const send = (path: string, call: Call, session: Session | undefined, base = '/api/v1'): Promise<Response> => {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  const tenant = call.tenant ?? session?.tenant;
  if (tenant) headers[TENANT_HEADER] = tenant;
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const body = call.body === undefined ? null : JSON.stringify(call.body);
  return fetch(`${base}${path}`, { method: call.method ?? 'GET', headers, body, signal: call.signal ?? null }).catch((error: unknown) => {
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'the server could not be reached');
  });
};

/**
 * A new token pair for the session, or none when its refresh token is no longer good. An expired
 * stint in a tenant (no refresh token) ends with the operator's own session.
 */
const refreshed = async (session: Session): Promise<Session | undefined> => {
  if (!session.refreshToken) return session.acting ? refreshed(session.acting.operator) : undefined;
  const res = await send('/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } }, undefined);
  if (!res.ok) return undefined;
  const pair = (await res.json()) as { accessToken: string; refreshToken: string };
  return { tenant: session.tenant, accessToken: pair.accessToken, refreshToken: pair.refreshToken };
};

/**
 * One call of the REST API as the signed-in user. An expired access token is refreshed once and
 * the call repeated; a session that cannot be refreshed is dropped (the app then signs in again).
 */
export const api = async <T>(path: string, call: Call = {}): Promise<T> => {
  const res = await sendAsUser(path, call);
  if (!res.ok) throw await problemOf(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
};

/** Sends as the signed-in user, refreshing an expired access token once. */
export const sendAsUser = async (path: string, call: Call = {}, base?: string): Promise<Response> => {
  const session = call.tenant ? undefined : readSession();
  const res = await send(path, call, session, base);
  if (res.status !== 401 || !session) return res;
  const next = await refreshed(session);
  writeSession(next);
  return next ? send(path, call, next, base) : res;
};
