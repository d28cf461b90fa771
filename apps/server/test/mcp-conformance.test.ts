import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, connectMcp } from './fixtures/mcp.js';

/**
 * The server checks of the official MCP conformance suite (`@modelcontextprotocol/conformance`) that
 * apply to a server with its own tools, run here with the SDK's client against both endpoints: the
 * suite's runner needs Node 22, and most of its server scenarios call test tools (`test_simple_text`
 * …) that only its reference server has. Mirrored: server-initialize, tools-list, resources-list,
 * prompts-list, json-schema-2020-12 (keywords kept as declared); and the JSON-RPC basics the SDK
 * client never sends wrong: ping, an unknown method, a notification, a body that is not JSON.
 */
describeEachBackend('MCP conformance (the official suite’s server checks)', (backend) => {
  let p: TestPlatform;
  let base: string;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  const clients: Client[] = [];

  const endpoints = (): { path: string; headers: Record<string, string> }[] => [
    { path: '/mcp/shop', headers: { 'x-tenant-id': tenant.slug } },
    { path: '/mcp/admin', headers: admin },
  ];
  const connect = async (path: string, headers: Record<string, string>): Promise<Client> => {
    const client = await connectMcp(`${base}${path}`, headers);
    clients.push(client);
    return client;
  };
  const post = (path: string, headers: Record<string, string>, payload: string | object) =>
    p.app.inject({
      method: 'POST',
      url: path,
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  /** A JSON-RPC answer, sent as JSON or as one server-sent event. */
  const rpcOf = (body: string): { result?: unknown; error?: { code: number }; id?: unknown } => {
    const data = body.startsWith('{')
      ? body
      : body
          .split('\n')
          .find((line) => line.startsWith('data: '))
          ?.slice(6);
    return JSON.parse(data ?? 'null') as { result?: unknown; error?: { code: number }; id?: unknown };
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    await p.app.listen({ host: '127.0.0.1', port: 0 });
    base = baseUrl(p.app);
    tenant = await p.createTenant('mcp-conformance');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    await p?.close();
  });

  it('server-initialize: the handshake names the server, the newest protocol revision and its capabilities', async () => {
    for (const { path, headers } of endpoints()) {
      const client = await connect(path, headers);
      expect(client.getServerVersion(), path).toMatchObject({ name: expect.any(String), version: expect.any(String) });
      expect(client.getServerCapabilities()?.tools, path).toBeDefined();
      const raw = await post(path, headers, {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'conformance', version: '1' } },
      });
      expect(raw.statusCode, path).toBe(200);
      expect(rpcOf(raw.body).result, path).toMatchObject({
        protocolVersion: LATEST_PROTOCOL_VERSION,
        serverInfo: { name: expect.any(String) },
      });
    }
  });

  it('tools-list: every tool has a name, a description and an object input schema', async () => {
    for (const { path, headers } of endpoints()) {
      const { tools } = await (await connect(path, headers)).listTools();
      expect(tools.length, path).toBeGreaterThan(0);
      for (const tool of tools) {
        expect(tool.name, path).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(tool.description?.length, `${path} ${tool.name}`).toBeGreaterThan(10);
        expect(tool.inputSchema.type, `${path} ${tool.name}`).toBe('object');
      }
      expect(new Set(tools.map((t) => t.name)).size, path).toBe(tools.length);
    }
  });

  it('json-schema-2020-12: $schema and additionalProperties are served as declared, not stripped', async () => {
    const { tools } = await (await connect('/mcp/admin', admin)).listTools();
    const closed = tools.filter((tool) => tool.inputSchema.additionalProperties === false);
    expect(closed.length).toBeGreaterThan(0);
    for (const tool of tools) expect(tool.inputSchema.$schema, tool.name).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('resources-list and prompts-list: lists with the fields the specification requires', async () => {
    const client = await connect('/mcp/admin', admin);
    const { resources } = await client.listResources();
    for (const resource of resources) expect(resource, resource.uri).toMatchObject({ uri: expect.any(String), name: expect.any(String) });
    const { prompts } = await client.listPrompts();
    for (const prompt of prompts) expect(prompt.name.length).toBeGreaterThan(0);
    expect(resources.length + prompts.length).toBeGreaterThan(0);
  });

  it('JSON-RPC basics: ping answers {}, an unknown method -32601, a notification 202, a body that is not JSON -32700', async () => {
    for (const { path, headers } of endpoints()) {
      const ping = await post(path, headers, { jsonrpc: '2.0', id: 7, method: 'ping' });
      expect(rpcOf(ping.body), path).toMatchObject({ id: 7, result: {} });
      const unknown = await post(path, headers, { jsonrpc: '2.0', id: 8, method: 'no/such-method' });
      expect(rpcOf(unknown.body), path).toMatchObject({ id: 8, error: { code: -32601 } });
      const notification = await post(path, headers, { jsonrpc: '2.0', method: 'notifications/initialized' });
      expect(notification.statusCode, path).toBe(202);
      const broken = await post(path, headers, '{"jsonrpc": "2.0", "id": 9, "method": ');
      expect(broken.statusCode, path).toBe(400);
      expect(rpcOf(broken.body).error?.code, path).toBe(-32700);
    }
  });
});
