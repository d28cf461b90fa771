import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GeneratedAdmin, type RunningServer, type StartOptions, settleEvents, startServer } from '@rustok/server';
import { embeddedTestImage } from '@rustok/testing';

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
}

/**
 * The real server on a fresh embedded database with the demo data (a first development start, on a
 * database started from the migrated image of the server's modules), the
 * storefront's assets bundled from the sources, the page cache on. One per test file.
 */
export interface ShopHarness {
  readonly server: RunningServer;
  readonly admin: GeneratedAdmin;
  /** A GET of the storefront as a browser sends it (Host: the server's unless given). */
  page(path: string, init?: { host?: string; cookie?: string; headers?: Record<string, string> }): Promise<Response>;
  /** A REST call (`/api/v1` + path) as the default tenant's administrator (or with the headers given). */
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
  /** Waits until every event published so far has reached the read models. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const startShop = async (options: Partial<StartOptions> = {}): Promise<ShopHarness> => {
  const work = await mkdtemp(join(tmpdir(), 'rustok-shop-'));
  const server = await startServer({
    environment: 'development',
    env: { RUSTOK_DATABASE__DATA_DIR: join(work, 'data'), PORT: '0', RUSTOK_SERVER__HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    adminApp: false,
    storefront: { assets: 'fresh' },
    shutdown: { signals: [], exit: () => {} },
    // The new database starts migrated (an image made once per checkout), as a restart finds it.
    embeddedImage: embeddedTestImage,
    ...options,
  });
  const admin = server.generatedAdmin;
  if (!admin) throw new Error('a first development start made no administrator');
  const call = async <T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${server.address}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as T };
  };
  let token: string | undefined;
  const adminHeaders = async (): Promise<Record<string, string>> => {
    if (!token) {
      const login = await call<{ accessToken: string }>('POST', '/auth/login', { email: admin.email, password: admin.password }, {});
      token = login.body.accessToken;
    }
    return { authorization: `Bearer ${token}` };
  };
  return {
    server,
    admin,
    page: (path, init = {}) =>
      fetch(`${server.address}${path}`, {
        headers: {
          accept: 'text/html',
          ...(init.host ? { host: init.host } : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...init.headers,
        },
        redirect: 'manual',
      }),
    api: async (method, path, body, headers) => call(method, path, body, headers ?? (await adminHeaders())),
    settle: async () => {
      await settleEvents(server.bus, server.db, 30_000);
    },
    close: async () => {
      await server.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
};
