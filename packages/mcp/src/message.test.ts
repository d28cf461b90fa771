import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toolsCallOf } from './message.js';

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const CALL = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'search_catalog', arguments: { q: 'lamp' } } };

const requestOf = (body: unknown, headers: Record<string, string | string[] | undefined> = {}) =>
  ({ body, headers: { ...HEADERS, ...headers } }) as unknown as FastifyRequest;

/** Which requests the server answers itself: a single tools/call exactly as the SDK would take it; the rest is the SDK's. */
describe('toolsCallOf', () => {
  it('takes a single tools/call, with a string or integer id, optional arguments and a progress token', () => {
    expect(toolsCallOf(requestOf(CALL))).toBe(CALL);
    expect(toolsCallOf(requestOf({ ...CALL, id: 'a-1' }))).toBeDefined();
    expect(toolsCallOf(requestOf({ ...CALL, params: { name: 'x' } }))).toBeDefined();
    expect(toolsCallOf(requestOf({ ...CALL, params: { ...CALL.params, _meta: { progressToken: 5 } } }))).toBeDefined();
    expect(toolsCallOf(requestOf(CALL, { 'content-type': 'application/json; charset=utf-8' }))).toBeDefined();
    expect(toolsCallOf(requestOf(CALL, { 'mcp-protocol-version': '2025-06-18' }))).toBeDefined();
  });

  it('leaves other messages to the SDK: batches, notifications, other methods, anything its schemas refuse', () => {
    const refused: unknown[] = [
      [CALL],
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { ...CALL, method: 'tools/list' },
      { ...CALL, jsonrpc: '1.0' },
      { ...CALL, extra: 1 },
      { ...CALL, id: 1.5 },
      { ...CALL, id: 2 ** 53 },
      { ...CALL, id: null },
      { ...CALL, params: undefined },
      { ...CALL, params: { arguments: {} } },
      { ...CALL, params: { name: 'x', arguments: [] } },
      { ...CALL, params: { name: 'x', arguments: null } },
      { ...CALL, params: { name: 'x', task: { ttl: 1000 } } },
      { ...CALL, params: { name: 'x', _meta: { 'io.modelcontextprotocol/related-task': { taskId: 't' } } } },
      'not an object',
      null,
    ];
    for (const body of refused) expect(toolsCallOf(requestOf(body)), JSON.stringify(body)).toBeUndefined();
  });

  it('leaves to the SDK what its transport refuses: Accept, Content-Type, protocol version', () => {
    expect(toolsCallOf(requestOf(CALL, { accept: 'application/json' }))).toBeUndefined();
    expect(toolsCallOf(requestOf(CALL, { accept: undefined }))).toBeUndefined();
    expect(toolsCallOf(requestOf(CALL, { 'content-type': 'text/plain' }))).toBeUndefined();
    expect(toolsCallOf(requestOf(CALL, { 'mcp-protocol-version': '1999-01-01' }))).toBeUndefined();
  });
});
