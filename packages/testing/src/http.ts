import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestPlatform } from './platform.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Call = (method: Method, url: string, headers: Record<string, string>, payload?: unknown) => Promise<LightMyRequestResponse>;

/** Calls the platform's REST API in process: `url` is below /api/v1, `payload` (when given) the JSON body. */
export const caller =
  (p: TestPlatform): Call =>
  (method, url, headers, payload) =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A problem+json answer with this status (and this code, when one is given). */
export const expectProblem = (res: LightMyRequestResponse, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (code) expect(res.json<{ code: string }>().code).toBe(code);
};

/** The JSON of an answer with the expected status (the body is in the failure message); an empty body gives undefined. */
export const ok = async <T>(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};

export interface OutboxEvent {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

type OutboxRow = { type: string; schema_version: number; envelope: { payload: Record<string, unknown> } };

/**
 * A tenant's events in the outbox, oldest first, each checked against its declared schema in the bus catalogue.
 * `typeFilter` is an SQL condition on `type` (a trusted literal of the test, never input); `keep` picks by payload.
 */
export const outboxEvents = async (
  p: TestPlatform,
  tenantId: string,
  typeFilter: string,
  keep: (payload: Record<string, unknown>) => boolean = () => true,
): Promise<OutboxEvent[]> => {
  const { rows } = await p.database.db.query<OutboxRow>(
    `SELECT type, schema_version, envelope FROM sys_events WHERE tenant_id = $1 AND (${typeFilter}) ORDER BY id`,
    [tenantId],
  );
  return rows
    .filter((r) => keep(r.envelope.payload))
    .map((r) => {
      const entry = p.bus.catalog.get(r.type, r.schema_version);
      expect(entry, `${r.type} is in the catalog`).toBeDefined();
      expect(entry?.validate(r.envelope.payload), `${r.type} payload valid: ${JSON.stringify(r.envelope.payload)}`).toBe(true);
      return { type: r.type, payload: r.envelope.payload };
    });
};
