import type { TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const caller =
  (p: TestPlatform) =>
  (method: Method, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** Events of a tenant in the outbox, oldest first, with their payloads. */
export const eventsOf = async (p: TestPlatform, tenantId: string, nodeId?: string) => {
  const { rows } = await p.database.db.query<{ type: string; schema_version: number; envelope: { payload: Record<string, unknown> } }>(
    `SELECT type, schema_version, envelope FROM sys_events WHERE tenant_id = $1 AND type LIKE 'content.%' ORDER BY id`,
    [tenantId],
  );
  return rows
    .filter((r) => nodeId === undefined || r.envelope.payload.nodeId === nodeId)
    .map((r) => {
      const entry = p.bus.catalog.get(r.type, r.schema_version);
      expect(entry, `${r.type} is in the catalog`).toBeDefined();
      expect(entry?.validate(r.envelope.payload), `${r.type} payload valid: ${JSON.stringify(r.envelope.payload)}`).toBe(true);
      return { type: r.type, payload: r.envelope.payload };
    });
};

export const expectProblem = (res: LightMyRequestResponse, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (code) expect(res.json<{ code: string }>().code).toBe(code);
};
