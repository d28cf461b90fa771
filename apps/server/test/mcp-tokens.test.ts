import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, connectMcp, structured, toolNames, toolProblem } from './fixtures/mcp.js';

type Headers = Record<string, string>;
const TOKEN_CALLS_PER_MINUTE = 4;

/**
 * The MCP admin endpoint with personal access tokens, through the SDK's client over Streamable
 * HTTP: the tool list follows the token's effective permissions (and a read-only token sees
 * read-only tools only), its exposure mode is the default, a revoked token is refused, calls per
 * token are limited, and the audit row names the token.
 */
describeEachBackend('MCP with personal access tokens', (backend) => {
  let p: TestPlatform;
  let base: string;
  let tenant: TenantRef;
  let admin: Headers;
  const clients: Client[] = [];

  const pat = async (headers: Headers, body: Record<string, unknown>): Promise<{ id: string; token: string }> => {
    const res = await p.app.inject({ method: 'POST', url: '/api/v1/auth/access-tokens', headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const presetOf = async (headers: Headers): Promise<string[]> =>
    (await p.app.inject({ method: 'GET', url: '/api/v1/auth/access-tokens/permissions', headers })).json<{ readOnlyPreset: string[] }>()
      .readOnlyPreset;
  const connect = async (token: string, path = '/mcp/admin'): Promise<Client> => {
    const client = await connectMcp(`${base}${path}`, { authorization: `Bearer ${token}`, 'x-tenant-id': tenant.slug });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    p = await createTestPlatform({
      backend,
      modules: builtInModules,
      config: { settings: { rustok: { rate_limit: { enabled: true, mcp_token_calls_per_minute: TOKEN_CALLS_PER_MINUTE } } } },
    });
    await p.app.listen({ host: '127.0.0.1', port: 0 });
    base = baseUrl(p.app);
    tenant = await p.createTenant('mcp-tokens');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    await p?.close();
  });

  it("an editor's token sees no order changes; a token of content permissions only sees no order tool at all", async () => {
    const editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    const all = (await p.app.inject({ method: 'GET', url: '/api/v1/auth/access-tokens/permissions', headers: editor })).json<{
      permissions: { name: string }[];
    }>();
    const editorToken = await pat(editor, { name: 'editor', permissions: all.permissions.map((g) => g.name) });
    const names = await toolNames(await connect(editorToken.token));
    for (const tool of ['transition_order', 'refund_order', 'create_product']) expect(names).not.toContain(tool);
    const writer = await pat(admin, { name: 'writer', permissions: ['content.nodes.read', 'content.nodes.update', 'blog.posts.update'] });
    expect((await toolNames(await connect(writer.token))).filter((n) => n.includes('order'))).toEqual([]);
    const staff = await connect(
      (await pat(admin, { name: 'orders', permissions: ['commerce.orders.manage', 'commerce.orders.read'] })).token,
    );
    expect(await toolNames(staff)).toContain('transition_order');
  });

  it('a read-only token sees no destructive or writing tool, and a call of one is refused', async () => {
    const readOnly = await pat(admin, { name: 'read-only', permissions: await presetOf(admin) });
    const client = await connect(readOnly.token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('find_orders');
    for (const tool of tools) expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    // The shop's tools need no permission: there, only the read-only flag keeps carts and checkout out of the list.
    const shop = await connect(readOnly.token, '/mcp/shop');
    const shopTools = (await shop.listTools()).tools;
    expect(shopTools.map((t) => t.name)).toContain('search_catalog');
    expect(shopTools.map((t) => t.name)).not.toContain('checkout');
    for (const tool of shopTools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    const orderId = '0190f3a0-0000-7000-8000-000000000001';
    await expect(client.callTool({ name: 'refund_order', arguments: { orderId, confirm: true } })).rejects.toThrow(/Unknown tool/);
    structured(await client.callTool({ name: 'find_orders', arguments: {} }));
    const audit = await p.app.inject({ method: 'GET', url: '/api/v1/mcp/audit?limit=2', headers: admin });
    const items = audit.json<{ items: { tool: string; tokenId: string | null; errorCode: string | null }[] }>().items;
    expect(items.map((i) => [i.tool, i.tokenId, i.errorCode])).toEqual([
      ['find_orders', readOnly.id, null],
      ['refund_order', readOnly.id, 'MCP_TOOL_NOT_FOUND'],
    ]);
  });

  it("a catalog-mode token gets the three meta-tools; the request's mode overrides the token's", async () => {
    const token = await pat(admin, {
      name: 'catalog',
      permissions: ['commerce.orders.read', 'commerce.products.read'],
      mcpMode: 'catalog',
    });
    expect(await toolNames(await connect(token.token))).toEqual(['call_tool', 'describe_tool', 'search_tools']);
    expect(await toolNames(await connect(token.token, '/mcp/admin?mode=direct'))).toContain('find_orders');
  });

  it('a revoked token is refused with 401 AUTH_TOKEN_REVOKED', async () => {
    const token = await pat(admin, { name: 'to revoke', permissions: ['commerce.orders.read'] });
    await connect(token.token);
    const revoked = await p.app.inject({ method: 'POST', url: `/api/v1/auth/access-tokens/${token.id}/revoke`, headers: admin });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const res = await fetch(`${base}/mcp/admin`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.token}`,
        'x-tenant-id': tenant.slug,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer resource_metadata=/);
  });

  it('limits the calls of one token across tools (MCP_TOKEN_RATE_LIMITED), and not those of another token', async () => {
    const permissions = ['commerce.orders.read', 'commerce.products.read'];
    const busy = await connect((await pat(admin, { name: 'busy', permissions })).token);
    for (let i = 0; i < TOKEN_CALLS_PER_MINUTE; i++) {
      structured(await busy.callTool({ name: 'find_orders', arguments: { limit: i + 1 } }));
    }
    expect(toolProblem(await busy.callTool({ name: 'find_orders', arguments: {} }))).toMatchObject({
      code: 'MCP_TOKEN_RATE_LIMITED',
      status: 429,
    });
    const calm = await connect((await pat(admin, { name: 'calm', permissions })).token);
    structured(await calm.callTool({ name: 'find_orders', arguments: {} }));
  });
});
