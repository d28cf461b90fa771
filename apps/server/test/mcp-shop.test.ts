import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { TenantRef } from '@rustok/kernel';
import { assemble, builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform, testConfig } from '@rustok/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, connectMcp, type Fetch, structured, toolNames, toolProblem } from './fixtures/mcp.js';

/**
 * A shopper's assistant and a shop manager's assistant through the MCP endpoints, with the SDK's
 * client over Streamable HTTP: search → product → cart → checkout (idempotent), the order seen over
 * REST; catalog mode (search, describe, call); one client's consecutive calls served by two server
 * instances in turn (stateless: no session, nothing sticky); per-tool rate limits.
 */

interface Variant {
  readonly id: string;
  readonly prices: readonly { amount: number; currencyCode: string }[];
}
interface Order {
  readonly id: string;
  readonly total: number;
  readonly lines: readonly { variantId: string; quantity: number }[];
}

const ADDRESS = { name: 'Ann Shopper', line1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' };

describeEachBackend('MCP shop and admin flows', (backend) => {
  let p: TestPlatform;
  let second: FastifyInstance;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let guest: Record<string, string>;
  let orderId = '';
  const clients: Client[] = [];

  const connect = async (url: string, headers: Record<string, string>, fetchImpl?: Fetch): Promise<Client> => {
    const client = await connectMcp(url, headers, fetchImpl);
    clients.push(client);
    return client;
  };

  const eventually = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    const until = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`${what}: not within 20 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    await p.app.listen({ host: '127.0.0.1', port: 0 });
    // A second API instance over the same database (it runs no relay, consumers or jobs), with a low tool budget.
    const config = testConfig(
      { server: { roles: ['api'] }, settings: { rustok: { rate_limit: { enabled: true, mcp_tool_calls_per_minute: 2 } } } },
      p.registry.modules,
    );
    const db = { ...p.database.db, close: async () => {} };
    ({ app: second } = await assemble({
      config,
      db,
      registry: p.registry,
      logger: pino({ level: 'silent' }),
      version: '0.0.0-test',
      storefront: false,
      adminApp: false,
    }));
    await second.listen({ host: '127.0.0.1', port: 0 });
    tenant = await p.createTenant('mcp-shop');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    guest = { 'x-tenant-id': tenant.slug };
    const variants = [
      { title: 'Large', sku: 'LANTERN-L', options: { size: 'L' }, prices: [{ amount: 4900, currencyCode: 'USD' }], inventory: 20 },
    ];
    const made = await p.app.inject({
      method: 'POST',
      url: '/api/v1/commerce/products',
      headers: admin,
      payload: { title: 'Harbour Lantern', status: 'published', variants },
    });
    expect(made.statusCode, made.body).toBe(201);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    await second?.close();
    await p?.close();
  });

  it('search → product → cart → checkout through tools; a retry with the same key is the same order, seen over REST', async () => {
    const shop = await connect(`${baseUrl(p.app)}/mcp/shop`, guest);
    const hit = await eventually(async () => {
      const page = structured<{ items: { handle: string; title: string }[] }>(
        await shop.callTool({ name: 'search_catalog', arguments: { q: 'lantern' } }),
      );
      return page.items.find((i) => i.title === 'Harbour Lantern');
    }, 'the product in search');
    const product = structured<{ variants: Variant[] }>(await shop.callTool({ name: 'get_product', arguments: { handle: hit.handle } }));
    const variant = product.variants[0] as Variant;
    const { cart, cartToken } = structured<{ cart: { id: string }; cartToken: string }>(
      await shop.callTool({ name: 'create_cart', arguments: { currencyCode: 'USD' } }),
    );
    const handle = { cartId: cart.id, cartToken };
    const filled = structured<{ total: number }>(
      await shop.callTool({
        name: 'update_cart',
        arguments: { ...handle, add: [{ variantId: variant.id, quantity: 2 }], details: { email: 'ann@example.com' } },
      }),
    );
    expect(filled.total).toBe(2 * 4900);
    const args = { ...handle, idempotencyKey: `mcp-${cart.id}`, email: 'ann@example.com', shippingAddress: ADDRESS };
    const placed = structured<{ order: Order; orderToken: string }>(await shop.callTool({ name: 'checkout', arguments: args }));
    expect(placed.order).toMatchObject({ total: 2 * 4900, lines: [{ variantId: variant.id, quantity: 2 }] });
    const again = structured<{ order: Order }>(await shop.callTool({ name: 'checkout', arguments: args }));
    expect(again.order.id).toBe(placed.order.id);
    orderId = placed.order.id;
    const looked = structured<Order>(await shop.callTool({ name: 'get_order', arguments: { orderId, orderToken: placed.orderToken } }));
    expect(looked.id).toBe(orderId);
    const rest = await p.app.inject({ method: 'GET', url: `/api/v1/commerce/orders/${orderId}`, headers: admin });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ id: orderId, total: 2 * 4900 });
    const staff = await connect(`${baseUrl(p.app)}/mcp/admin`, admin);
    const found = structured<{ items: { id: string }[] }>(await staff.callTool({ name: 'find_orders', arguments: {} }));
    expect(found.items.map((o) => o.id)).toContain(orderId);
  });

  it('catalog mode: three meta-tools that search, describe and call the permitted tools', async () => {
    const staff = await connect(`${baseUrl(p.app)}/mcp/admin?mode=catalog`, admin);
    expect(await toolNames(staff)).toEqual(['call_tool', 'describe_tool', 'search_tools']);
    const hits = structured<{ tools: { name: string }[] }>(await staff.callTool({ name: 'search_tools', arguments: { query: 'refund' } }));
    expect(hits.tools.map((t) => t.name)).toContain('refund_order');
    const described = structured<{ tool: { inputSchema: { $schema: string; required: string[] } } }>(
      await staff.callTool({ name: 'describe_tool', arguments: { name: 'refund_order' } }),
    );
    expect(described.tool.inputSchema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(described.tool.inputSchema.required).toContain('confirm');
    const listed = structured<{ items: unknown[] }>(
      await staff.callTool({ name: 'call_tool', arguments: { name: 'find_orders', arguments: {} } }),
    );
    expect(listed.items.length).toBeGreaterThan(0);
    const refused = await staff.callTool({ name: 'call_tool', arguments: { name: 'refund_order', arguments: { orderId } } });
    expect(toolProblem(refused).code).toBe('MCP_CONFIRMATION_REQUIRED');
    const editor = await connect(`${baseUrl(p.app)}/mcp/admin`, {
      ...(await p.userWithToken(tenant.id, ['editor'])).headers,
      'x-mcp-mode': 'catalog',
    });
    const none = structured<{ tools: unknown[] }>(await editor.callTool({ name: 'search_tools', arguments: { query: 'refund' } }));
    expect(none.tools).toEqual([]);
    const hidden = await editor.callTool({ name: 'call_tool', arguments: { name: 'refund_order', arguments: { orderId, confirm: true } } });
    expect(toolProblem(hidden).code).toBe('MCP_TOOL_NOT_FOUND');
  });

  it('serves one client from two instances in turn: no session, no sticky routing', async () => {
    const bases = [baseUrl(p.app), baseUrl(second)];
    const served: string[] = [];
    let turn = 0;
    const alternate: Fetch = (input, init) => {
      const target = bases[turn++ % 2] as string;
      served.push(target);
      const url = new URL(input instanceof Request ? input.url : input.toString());
      return fetch(`${target}${url.pathname}${url.search}`, init);
    };
    const shop = await connect(`${bases[0]}/mcp/shop`, guest, alternate);
    const { cart, cartToken } = structured<{ cart: { id: string }; cartToken: string }>(
      await shop.callTool({ name: 'create_cart', arguments: { currencyCode: 'USD' } }),
    );
    const read = structured<{ id: string }>(await shop.callTool({ name: 'get_cart', arguments: { cartId: cart.id, cartToken } }));
    expect(read.id).toBe(cart.id);
    expect(await toolNames(shop)).toContain('get_cart');
    expect(new Set(served)).toEqual(new Set(bases));
  });

  it('limits calls of one tool per caller and minute (the platform rate limiter), other tools unaffected', async () => {
    const call = (name: string, args: Record<string, unknown>) =>
      second.inject({
        method: 'POST',
        url: '/mcp/shop',
        headers: { ...admin, accept: 'application/json, text/event-stream' },
        payload: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } },
      });
    const codes: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const result = (await call('search_content', { q: `x${i}` })).json<{ result: { isError?: boolean; content: { text: string }[] } }>()
        .result;
      codes.push(result.isError ? (JSON.parse(result.content[0]?.text ?? '{}') as { code: string }).code : null);
    }
    expect(codes).toEqual([null, null, 'MCP_TOOL_RATE_LIMITED']);
    expect((await call('create_cart', { currencyCode: 'USD' })).json()).not.toMatchObject({ result: { isError: true } });
  });
});
