import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, connectMcp, structured, toolNames, toolProblem } from './fixtures/mcp.js';

/**
 * The MCP endpoints through the SDK's own client over Streamable HTTP against a listening server:
 * which tools a caller is offered (by endpoint, permissions and the tenant's modules), their
 * schemas (JSON Schema 2020-12, valid against the meta-schema), confirm on destructive tools, the
 * 401 that names the protected-resource metadata, Origin checks, POST only, and an audit row per call.
 */
describeEachBackend('MCP tools over Streamable HTTP', (backend) => {
  let p: TestPlatform;
  let base: string;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  const clients: Client[] = [];

  const connect = async (path: string, headers: Record<string, string>): Promise<Client> => {
    const client = await connectMcp(`${base}${path}`, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    await p.app.listen({ host: '127.0.0.1', port: 0 });
    base = baseUrl(p.app);
    tenant = await p.createTenant('mcp-tools');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    await p?.close();
  });

  it('lists the shop tools to an anonymous shopper and the admin tools to an admin, each by its endpoint', async () => {
    const shop = await connect('/mcp/shop', { 'x-tenant-id': tenant.slug });
    expect(await toolNames(shop)).toEqual(
      ['checkout', 'create_cart', 'get_cart', 'get_order', 'get_product', 'search_catalog', 'search_content', 'update_cart'].sort(),
    );
    const staff = await connect('/mcp/admin', admin);
    expect(await toolNames(staff)).toEqual(
      [
        'create_flex_entry',
        'create_product',
        'draft_content',
        'dry_run_script',
        'find_orders',
        'get_flex_entry',
        'list_flex_entries',
        'list_webhook_deliveries',
        'list_webhook_endpoints',
        'publish_content',
        'publish_product',
        'redeliver_webhook',
        'refund_order',
        'set_variant_prices',
        'set_variant_stock',
        'transition_order',
        'translate_content',
        'update_product',
      ].sort(),
    );
    expect(shop.getServerVersion()?.name).toBe('rustok-shop');
  });

  it('filters by permission: an editor sees no order changes, a role without commerce permissions no order tool at all', async () => {
    const editor = await connect('/mcp/admin', (await p.userWithToken(tenant.id, ['editor'])).headers);
    const names = await toolNames(editor);
    expect(names).not.toContain('transition_order');
    expect(names).not.toContain('refund_order');
    expect(names).not.toContain('create_product');
    const role = await p.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/roles/writer',
      headers: admin,
      payload: { permissions: ['content.*.*', 'blog.*.*'] },
    });
    expect(role.statusCode, role.body).toBeLessThan(300);
    const writer = await connect('/mcp/admin', (await p.userWithToken(tenant.id, ['writer'])).headers);
    expect((await toolNames(writer)).filter((n) => n.includes('order'))).toEqual([]);
  });

  it('a tenant with commerce switched off is offered no commerce tool', async () => {
    const other = await p.createTenant('mcp-no-commerce');
    const owner = (await p.userWithToken(other.id, ['admin'])).headers;
    const off = await p.app.inject({ method: 'PUT', url: '/api/v1/modules/commerce', headers: owner, payload: { enabled: false } });
    expect(off.statusCode, off.body).toBe(200);
    const shop = await connect('/mcp/shop', { 'x-tenant-id': other.slug });
    expect(await toolNames(shop)).toEqual(['search_content']);
    const COMMERCE = ['create_product', 'update_product', 'publish_product', 'set_variant_prices', 'set_variant_stock', 'find_orders'];
    const staffTools = await toolNames(await connect('/mcp/admin', owner));
    expect(staffTools).toContain('draft_content');
    expect(staffTools.filter((n) => COMMERCE.includes(n) || n.includes('order'))).toEqual([]);
  });

  it('serves every schema as JSON Schema 2020-12, valid against the meta-schema', async () => {
    const ajv = new Ajv2020({ strict: false });
    for (const path of ['/mcp/shop', '/mcp/admin', '/mcp/admin?mode=catalog']) {
      const { tools } = await (await connect(path, path.startsWith('/mcp/shop') ? { 'x-tenant-id': tenant.slug } : admin)).listTools();
      expect(tools.length).toBeGreaterThan(0);
      for (const tool of tools) {
        for (const schema of [tool.inputSchema, tool.outputSchema].filter((s) => s !== undefined)) {
          expect(schema.$schema, tool.name).toBe('https://json-schema.org/draft/2020-12/schema');
          expect(ajv.validateSchema(schema), `${tool.name}: ${ajv.errorsText()}`).toBe(true);
        }
      }
    }
  });

  it('refuses a destructive tool without confirm: true (coded), and lists confirm in its schema', async () => {
    const staff = await connect('/mcp/admin', admin);
    const refund = (await staff.listTools()).tools.find((t) => t.name === 'refund_order');
    expect(refund?.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(refund?.inputSchema.required).toContain('confirm');
    const orderId = '0190f3a0-0000-7000-8000-000000000001';
    expect(toolProblem(await staff.callTool({ name: 'refund_order', arguments: { orderId } }))).toMatchObject({
      code: 'MCP_CONFIRMATION_REQUIRED',
      status: 422,
    });
    expect(toolProblem(await staff.callTool({ name: 'refund_order', arguments: { orderId, confirm: true } }))).toMatchObject({
      code: 'COMMERCE_ORDER_NOT_FOUND',
    });
  });

  it('answers 401 on the admin endpoint without a token, naming the protected-resource metadata, and serves it', async () => {
    const res = await fetch(`${base}/mcp/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'x-tenant-id': tenant.slug },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    const challenge = res.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp\/admin"$/);
    const url = /resource_metadata="([^"]+)"/.exec(challenge)?.[1] ?? '';
    const meta = await fetch(url, { headers: { 'x-tenant-id': tenant.slug } });
    expect(meta.status).toBe(200);
    expect(await meta.json()).toMatchObject({ resource: `${base}/mcp/admin`, bearer_methods_supported: ['header'] });
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    const asCustomer = await p.app.inject({
      method: 'POST',
      url: '/mcp/admin',
      headers: customer,
      payload: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    });
    expect(asCustomer.json()).toMatchObject({ code: 'MCP_STAFF_REQUIRED' });
  });

  it('is POST only, and refuses a browser Origin the tenant does not allow', async () => {
    const get = await p.app.inject({ method: 'GET', url: '/mcp/shop', headers: { 'x-tenant-id': tenant.slug } });
    expect(get.statusCode).toBe(405);
    expect(get.json()).toMatchObject({ code: 'MCP_METHOD_NOT_ALLOWED' });
    const evil = await p.app.inject({
      method: 'POST',
      url: '/mcp/shop',
      headers: { 'x-tenant-id': tenant.slug, origin: 'https://evil.example', accept: 'application/json, text/event-stream' },
      payload: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ code: 'MCP_ORIGIN_FORBIDDEN' });
  });

  it('writes an audit row per call (tool, argument hash, outcome), readable over REST by admins only', async () => {
    const shop = await connect('/mcp/shop', { 'x-tenant-id': tenant.slug });
    structured(await shop.callTool({ name: 'search_content', arguments: { q: 'nothing here' } }));
    toolProblem(await shop.callTool({ name: 'get_cart', arguments: { cartId: 'not-an-id', cartToken: 'x' } }));
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/mcp/audit?limit=2', headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { tool: string; outcome: string; errorCode: string | null; argumentsSha256: string }[] }>().items;
    expect(items.map((i) => [i.tool, i.outcome, i.errorCode])).toEqual([
      ['get_cart', 'error', 'MCP_INVALID_ARGUMENTS'],
      ['search_content', 'ok', null],
    ]);
    expect(items[0]?.argumentsSha256).toMatch(/^[0-9a-f]{64}$/);
    const editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/mcp/audit', headers: editor })).statusCode).toBe(403);
  });
});
