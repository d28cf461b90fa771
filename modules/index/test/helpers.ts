import type { TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const caller =
  (p: TestPlatform) =>
  (method: Method, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** The JSON of an answer with the expected status (the body is in the failure message). */
export const ok = async <T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};

/** Polls until `probe` returns something truthy; gives its value and how long it took. Fails after `timeoutMs`. */
export const waitFor = async <T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 5_000, what = 'condition') => {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    if (value) return { value, ms: performance.now() - started };
    if (performance.now() - started > timeoutMs) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Waits until the outbox has nothing pending (every event handled). */
export const drained = (p: TestPlatform) =>
  waitFor(
    async () => {
      const { rows } = await p.database.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");
      return rows[0]?.n === 0;
    },
    10_000,
    'an empty outbox',
  );

export const expectProblem = (res: LightMyRequestResponse, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (code) expect(res.json<{ code: string }>().code).toBe(code);
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  match: string;
  facets?: Record<string, unknown>;
}
