import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it, type MockInstance, vi } from 'vitest';

type Headers = Record<string, string>;
type Reply = {
  result?: { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: Record<string, unknown> };
  error?: { code: number; message: string; data?: { code?: string } };
};

const MCP = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const TOKEN_CALLS_PER_MINUTE = 3;

/**
 * A single JSON-RPC tools/call is answered without the SDK's server (the direct path); the same
 * message sent as a batch of one goes through the SDK. Both must answer the same bytes: results,
 * tool errors, unknown tools, invalid arguments, tools a caller is not offered (permissions, a
 * read-only token), rate limits, catalog mode; and each call leaves its audit row.
 */
describeEachBackend('MCP tools/call: the direct path answers as the SDK does', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Headers;
  let guest: Headers;
  let handle = '';
  // Every request the SDK serves connects a Server of its own; the direct path builds none.
  let connects: MockInstance<Server['connect']>;

  const post = (path: string, headers: Headers, body: unknown, extra: Headers = {}) =>
    p.app.inject({ method: 'POST', url: path, headers: { ...MCP, ...headers, ...extra }, payload: JSON.stringify(body) });

  const message = (name: string, args: Record<string, unknown>, id: string | number = 7) => ({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args },
  });

  /**
   * The call directly, then through the SDK (a batch of one): the same status, type and JSON, byte
   * for byte unless `spliced` (a tool's stored text goes into the direct answer as stored, where
   * the SDK writes it again from its parse: the same JSON, its insignificant whitespace aside).
   */
  const both = async (
    path: string,
    headers: Headers,
    name: string,
    args: Record<string, unknown>,
    { id = 7, spliced = false }: { id?: string | number; spliced?: boolean } = {},
  ) => {
    connects.mockClear();
    const direct = await post(path, headers, message(name, args, id));
    expect(connects, 'the single call was answered without the SDK').not.toHaveBeenCalled();
    const sdk = await post(path, headers, [message(name, args, id)]);
    expect(connects, 'the batch went through the SDK').toHaveBeenCalledTimes(1);
    expect(direct.statusCode, direct.body).toBe(200);
    expect(sdk.statusCode, sdk.body).toBe(200);
    expect(direct.headers['content-type']).toBe(sdk.headers['content-type']);
    // The SDK answers a batch of one request with that one response.
    expect(direct.json()).toEqual(sdk.json());
    if (!spliced) expect(direct.body).toBe(sdk.body);
    return direct.json<Reply>();
  };

  const problemOf = (reply: Reply) => {
    expect(reply.result?.isError, JSON.stringify(reply)).toBe(true);
    return JSON.parse(reply.result?.content[0]?.text ?? '{}') as { code: string; status: number };
  };

  const pat = async (body: Record<string, unknown>): Promise<Headers> => {
    const res = await p.app.inject({ method: 'POST', url: '/api/v1/auth/access-tokens', headers: admin, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return { authorization: `Bearer ${res.json<{ token: string }>().token}`, 'x-tenant-id': tenant.slug };
  };

  beforeAll(async () => {
    connects = vi.spyOn(Server.prototype, 'connect');
    p = await createTestPlatform({
      backend,
      modules: builtInModules,
      config: { settings: { rustok: { rate_limit: { enabled: true, mcp_token_calls_per_minute: TOKEN_CALLS_PER_MINUTE } } } },
    });
    tenant = await p.createTenant('mcp-direct');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    guest = { 'x-tenant-id': tenant.slug };
    const variants = [
      { title: 'One', sku: 'KETTLE-1', options: { size: 'M' }, prices: [{ amount: 2500, currencyCode: 'USD' }], inventory: 5 },
    ];
    const made = await p.app.inject({
      method: 'POST',
      url: '/api/v1/commerce/products',
      headers: admin,
      payload: { title: 'Copper Kettle', status: 'published', variants },
    });
    expect(made.statusCode, made.body).toBe(201);
    const until = Date.now() + 20_000;
    while (!handle && Date.now() < until) {
      const page = await p.app.inject({ method: 'GET', url: '/api/v1/store/products?q=kettle', headers: guest });
      handle = page.json<{ items: { handle: string }[] }>().items[0]?.handle ?? '';
      if (!handle) await new Promise((r) => setTimeout(r, 100));
    }
    expect(handle, 'the product in the index').not.toBe('');
  }, 60_000);
  afterAll(async () => {
    connects?.mockRestore();
    await p?.close();
  });

  it('answers a tool with stored text (search_catalog, get_product) and one with a value (search_content) alike', async () => {
    const page = await both('/mcp/shop', guest, 'search_catalog', { q: 'kettle' });
    expect(page.result?.structuredContent).toMatchObject({ items: [{ title: 'Copper Kettle', handle }] });
    expect(JSON.parse(page.result?.content[0]?.text ?? '')).toEqual(page.result?.structuredContent);
    const rest = await p.app.inject({ method: 'GET', url: '/api/v1/store/products?q=kettle', headers: guest });
    expect(page.result?.content[0]?.text).toBe(rest.body);
    const product = await both('/mcp/shop', guest, 'get_product', { handle }, { id: 'call-2', spliced: true });
    expect(product.result?.structuredContent).toMatchObject({ handle, title: 'Copper Kettle' });
    const content = await both('/mcp/shop', guest, 'search_content', {});
    expect(content.result?.structuredContent).toMatchObject({ items: [] });
  });

  it('answers a tool error, invalid arguments and a missing confirm as isError results', async () => {
    expect(problemOf(await both('/mcp/shop', guest, 'get_product', { handle: 'no-such-thing' }))).toMatchObject({
      code: 'INDEX_PRODUCT_NOT_FOUND',
      status: 404,
    });
    expect(problemOf(await both('/mcp/shop', guest, 'search_catalog', { limit: 'twenty' }))).toMatchObject({
      code: 'MCP_INVALID_ARGUMENTS',
      status: 422,
    });
    const orderId = '0190f3a0-0000-7000-8000-000000000001';
    expect(problemOf(await both('/mcp/admin', admin, 'refund_order', { orderId }))).toMatchObject({ code: 'MCP_CONFIRMATION_REQUIRED' });
    expect(problemOf(await both('/mcp/admin', admin, 'refund_order', { orderId, confirm: true }))).toMatchObject({
      code: 'COMMERCE_ORDER_NOT_FOUND',
    });
  });

  it('answers an unknown tool, and one the caller is not permitted, as a JSON-RPC error', async () => {
    const unknown = await both('/mcp/shop', guest, 'no_such_tool', {});
    expect(unknown.error).toMatchObject({ code: -32602, data: { code: 'MCP_TOOL_NOT_FOUND' } });
    expect(unknown.result).toBeUndefined();
    const editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    const denied = await both('/mcp/admin', editor, 'refund_order', { orderId: '0190f3a0-0000-7000-8000-000000000001', confirm: true });
    expect(denied.error).toMatchObject({ code: -32602, data: { code: 'MCP_TOOL_NOT_FOUND' } });
    const elsewhere = await both('/mcp/shop', admin, 'find_orders', {});
    expect(elsewhere.error).toMatchObject({ data: { code: 'MCP_TOOL_NOT_FOUND' } });
  });

  it('offers a read-only token its read-only tools only', async () => {
    const preset = (await p.app.inject({ method: 'GET', url: '/api/v1/auth/access-tokens/permissions', headers: admin })).json<{
      readOnlyPreset: string[];
    }>().readOnlyPreset;
    const readOnly = await pat({ name: 'read-only', permissions: preset });
    expect((await both('/mcp/admin', readOnly, 'find_orders', {})).result?.isError).toBeUndefined();
    expect((await both('/mcp/admin', readOnly, 'create_product', { title: 'Nope' })).error).toMatchObject({
      data: { code: 'MCP_TOOL_NOT_FOUND' },
    });
  });

  it("answers a token's calls over its limit as the rate-limited tool error", async () => {
    const token = await pat({ name: 'limited', permissions: ['commerce.orders.read'] });
    for (let i = 0; i < TOKEN_CALLS_PER_MINUTE; i++) {
      const ok = (await post('/mcp/admin', token, message('find_orders', {}))).json<Reply>();
      expect(ok.result?.isError, JSON.stringify(ok)).toBeUndefined();
    }
    const direct = (await post('/mcp/admin', token, message('find_orders', {}))).json<Reply>();
    const sdk = (await post('/mcp/admin', token, [message('find_orders', {})])).json<Reply>();
    expect(problemOf(direct)).toMatchObject({ code: 'MCP_TOKEN_RATE_LIMITED', status: 429 });
    expect(problemOf(sdk)).toEqual(problemOf(direct));
  });

  it('answers the meta-tools of catalog mode alike', async () => {
    const found = await both('/mcp/admin?mode=catalog', admin, 'search_tools', { query: 'orders' });
    expect(found.result?.structuredContent).toMatchObject({
      tools: expect.arrayContaining([expect.objectContaining({ name: 'find_orders' })]),
    });
    const called = await both('/mcp/admin?mode=catalog', admin, 'call_tool', { name: 'find_orders', arguments: {} });
    expect(called.result?.structuredContent).toMatchObject({ items: [] });
    expect(problemOf(await both('/mcp/admin?mode=catalog', admin, 'call_tool', { name: 'no_such_tool' }))).toMatchObject({
      code: 'MCP_TOOL_NOT_FOUND',
    });
  });

  it('writes the audit row of every call, either way', async () => {
    await both('/mcp/shop', guest, 'search_catalog', { q: 'audit', limit: 5 });
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/mcp/audit?limit=2', headers: admin });
    const items = res.json<{ items: { tool: string; outcome: string; argumentsSha256: string }[] }>().items;
    expect(items.map((i) => [i.tool, i.outcome])).toEqual([
      ['search_catalog', 'ok'],
      ['search_catalog', 'ok'],
    ]);
    expect(items[0]?.argumentsSha256).toBe(items[1]?.argumentsSha256);
  });

  it('leaves to the SDK what is not a single plain tools/call, and its refusals stay the SDK’s', async () => {
    const call = message('search_content', {});
    const cases: [Headers, unknown, number][] = [
      [{ 'mcp-protocol-version': '1999-01-01' }, call, 400],
      [{ accept: 'application/json' }, call, 406],
      [{}, { ...call, extra: true }, 400],
      [{}, { ...call, id: 1.5 }, 400],
      [{}, { ...call, params: { name: 'search_content', arguments: [] } }, 200],
      [{}, { jsonrpc: '2.0', method: 'notifications/initialized' }, 202],
      [{}, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, 200],
    ];
    for (const [extra, body, status] of cases) {
      connects.mockClear();
      const res = await post('/mcp/shop', guest, body, extra);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      expect(connects, JSON.stringify(body)).toHaveBeenCalledTimes(1);
    }
  });

  it('refuses a bad token with 401 and the WWW-Authenticate challenge before either path', async () => {
    const res = await post('/mcp/shop', { ...guest, authorization: 'Bearer not-a-token' }, message('search_content', {}));
    expect(res.statusCode, res.body).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer resource_metadata=".*\/\.well-known\/oauth-protected-resource\/mcp\/shop"$/);
  });
});
