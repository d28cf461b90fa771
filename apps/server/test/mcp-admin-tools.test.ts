import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, connectMcp, structured, toolNames, toolProblem } from './fixtures/mcp.js';

/**
 * The staff tools of the modules besides commerce's orders, through the SDK's client over
 * Streamable HTTP: variant prices and stock, content (draft, translate, publish), flex entries,
 * webhooks (redelivery needs confirm), a script's dry run and the event statistics; each call's
 * effect is checked over REST, and each tool is offered only to the roles that hold its permission.
 * Then the resources (an order by URI, the event catalogue, flex schemas) and prompts, and the
 * token budget of the admin tool list (docs/mcp.md).
 */

/** The documented budget of a tenant admin's tool list in direct mode, in tokens estimated as characters / 4. */
const DIRECT_ADMIN_BUDGET_TOKENS = 18_000;
const tokensOf = (value: unknown): number => Math.ceil(JSON.stringify(value).length / 4);

const NEW_TOOLS = [
  'create_flex_entry',
  'draft_content',
  'dry_run_script',
  'get_flex_entry',
  'list_flex_entries',
  'list_webhook_deliveries',
  'list_webhook_endpoints',
  'publish_content',
  'redeliver_webhook',
  'set_variant_prices',
  'set_variant_stock',
  'translate_content',
];

describeEachBackend('MCP staff tools of the modules', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let staff: Client;
  const clients: Client[] = [];

  const connect = async (headers: Record<string, string>): Promise<Client> => {
    const client = await connectMcp(`${baseUrl(p.app)}/mcp/admin`, headers);
    clients.push(client);
    return client;
  };
  /** A resource's JSON text, parsed. */
  const read = async (uri: string): Promise<unknown> => {
    const first = (await staff.readResource({ uri })).contents[0];
    return JSON.parse(first && 'text' in first ? first.text : 'null');
  };
  const rest = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await p.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<Record<string, unknown> & { id: string }>();
  };

  beforeAll(async () => {
    // Webhook deliveries stay queued (nothing is sent to the endpoints' hosts).
    const config = { settings: { rustok: { notifications: { webhooks: { deliver: false } } } } };
    p = await createTestPlatform({ backend, modules: builtInModules, config });
    await p.app.listen({ host: '127.0.0.1', port: 0 });
    // The SDK's client keeps its connection between calls: a slow step between two calls must not
    // meet the server closing the idle connection just as the client reuses it (Node's 5 s default).
    p.app.server.keepAliveTimeout = 120_000;
    tenant = await p.createTenant('mcp-staff');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    staff = await connect(admin);
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await p?.close();
  });

  it('offers each tool by permission: an admin all but the platform one, an editor no commerce change, no webhook change, no script run', async () => {
    const names = await toolNames(staff);
    expect(names).toEqual(expect.arrayContaining(NEW_TOOLS));
    expect(names).not.toContain('event_stats');
    const editor = await toolNames(await connect((await p.userWithToken(tenant.id, ['editor'])).headers));
    expect(editor).toEqual(expect.arrayContaining(['draft_content', 'translate_content', 'publish_content', 'create_flex_entry']));
    for (const hidden of [
      'transition_order',
      'refund_order',
      'set_variant_prices',
      'set_variant_stock',
      'redeliver_webhook',
      'dry_run_script',
    ]) {
      expect(editor, hidden).not.toContain(hidden);
    }
    const platform = await toolNames(await connect((await p.userWithToken(tenant.id, ['super_admin'])).headers));
    expect(platform).toContain('event_stats');
  });

  it('sets a variant’s prices (minor units) and stock, as REST then shows them', async () => {
    const product = await rest('POST', '/api/v1/commerce/products', {
      title: 'Tide Clock',
      variants: [{ title: 'One', sku: 'TIDE-1', prices: [{ amount: 1000, currencyCode: 'USD' }], inventory: 3 }],
    });
    const variantId = (product.variants as { id: string }[])[0]?.id as string;
    const priced = structured<{ prices: { amount: number; currencyCode: string }[] }>(
      await staff.callTool({ name: 'set_variant_prices', arguments: { variantId, prices: [{ amount: 2599, currencyCode: 'EUR' }] } }),
    );
    expect(priced.prices).toMatchObject([{ amount: 2599, currencyCode: 'EUR' }]);
    const stock = structured<{ available: number }>(
      await staff.callTool({ name: 'set_variant_stock', arguments: { variantId, available: 42 } }),
    );
    expect(stock.available).toBe(42);
    expect(await rest('GET', `/api/v1/commerce/inventory/${variantId}`)).toMatchObject({ available: 42 });
    const refused = await staff.callTool({ name: 'set_variant_stock', arguments: { variantId, available: -1 } });
    expect(toolProblem(refused).code).toBe('MCP_INVALID_ARGUMENTS');
  });

  it('drafts, translates and publishes content', async () => {
    const draft = structured<{ id: string; status: string }>(
      await staff.callTool({ name: 'draft_content', arguments: { kind: 'post', title: 'Low tide notes', body: 'Out at dawn.' } }),
    );
    expect(draft.status).toBe('draft');
    const translated = structured<{ translations: { locale: string }[] }>(
      await staff.callTool({ name: 'translate_content', arguments: { nodeId: draft.id, locale: 'ru', title: 'Заметки об отливе' } }),
    );
    expect(translated.translations.map((t) => t.locale).sort()).toEqual(['en', 'ru']);
    const published = structured<{ status: string }>(await staff.callTool({ name: 'publish_content', arguments: { nodeId: draft.id } }));
    expect(published.status).toBe('published');
    expect(await rest('GET', `/api/v1/content/nodes/${draft.id}?locale=ru`)).toMatchObject({
      status: 'published',
      title: 'Заметки об отливе',
    });
  });

  it('creates, lists (by field value) and reads flex entries', async () => {
    const fields = [
      { key: 'title', type: 'text', required: true, access: 'public' },
      { key: 'shelf', type: 'text', filterable: true },
    ];
    await rest('POST', '/api/v1/flex/schemas', { slug: 'books', name: 'Books', fields });
    const made = structured<{ id: string; status: string }>(
      await staff.callTool({ name: 'create_flex_entry', arguments: { schema: 'books', values: { title: 'Tides', shelf: 'sea' } } }),
    );
    expect(made.status).toBe('draft');
    await staff.callTool({ name: 'create_flex_entry', arguments: { schema: 'books', values: { title: 'Hills', shelf: 'land' } } });
    const page = structured<{ items: { id: string }[] }>(
      await staff.callTool({ name: 'list_flex_entries', arguments: { schema: 'books', where: { shelf: 'sea' } } }),
    );
    expect(page.items.map((i) => i.id)).toEqual([made.id]);
    const read = structured<{ values: Record<string, unknown> }>(
      await staff.callTool({ name: 'get_flex_entry', arguments: { entryId: made.id } }),
    );
    expect(read.values).toEqual({ title: 'Tides', shelf: 'sea' });
    const bad = await staff.callTool({ name: 'create_flex_entry', arguments: { schema: 'books', values: { shelf: 'no title' } } });
    expect(toolProblem(bad).status).toBe(422);
  });

  it('lists webhook endpoints and deliveries, and redelivers only with confirm: true', async () => {
    const endpoint = await rest('POST', '/api/v1/notifications/webhooks', {
      url: 'https://hooks.example.com/rustok',
      eventTypes: ['commerce.order.placed'],
    });
    const delivery = await rest('POST', `/api/v1/notifications/webhooks/${endpoint.id}/test`);
    const endpoints = structured<{ items: { id: string }[] }>(await staff.callTool({ name: 'list_webhook_endpoints', arguments: {} }));
    expect(endpoints.items.map((e) => e.id)).toEqual([endpoint.id]);
    const deliveries = structured<{ items: { id: string }[] }>(
      await staff.callTool({ name: 'list_webhook_deliveries', arguments: { endpointId: endpoint.id } }),
    );
    expect(deliveries.items.map((d) => d.id)).toEqual([delivery.id]);
    const unconfirmed = await staff.callTool({ name: 'redeliver_webhook', arguments: { deliveryId: delivery.id } });
    expect(toolProblem(unconfirmed).code).toBe('MCP_CONFIRMATION_REQUIRED');
    const again = structured<{ id: string; status: string }>(
      await staff.callTool({ name: 'redeliver_webhook', arguments: { deliveryId: delivery.id, confirm: true } }),
    );
    expect(again).toMatchObject({ id: delivery.id, status: 'pending' });
    const tool = (await staff.listTools()).tools.find((t) => t.name === 'redeliver_webhook');
    expect(tool?.annotations).toMatchObject({ destructiveHint: true });
  });

  it('dry-runs a script (or a draft of it) without side effects', async () => {
    const script = await rest('POST', '/api/v1/scripting/scripts', {
      name: 'doubler',
      source: 'return { twice: ctx.input * 2 };',
      triggers: [{ kind: 'manual' }],
    });
    const report = structured<{ ok: boolean; dryRun: boolean; output: unknown; executionId: string | null }>(
      await staff.callTool({ name: 'dry_run_script', arguments: { scriptId: script.id, input: 21 } }),
    );
    expect(report).toMatchObject({ ok: true, dryRun: true, output: { twice: 42 }, executionId: null });
    const draft = structured<{ output: unknown }>(
      await staff.callTool({ name: 'dry_run_script', arguments: { scriptId: script.id, input: 2, source: 'return ctx.input + 1;' } }),
    );
    expect(draft.output).toBe(3);
    const executions = await rest('GET', `/api/v1/scripting/scripts/${script.id}/executions`);
    expect(executions.items).toEqual([]);
  });

  it('answers the event statistics to the platform administrator only', async () => {
    const platform = await connect((await p.userWithToken(tenant.id, ['super_admin'])).headers);
    const stats = structured<{ transport: string; byType: { type: string }[] }>(
      await platform.callTool({ name: 'event_stats', arguments: {} }),
    );
    expect(stats.transport).toBe('outbox');
    expect(stats.byType.length).toBeGreaterThan(0);
    await expect(staff.callTool({ name: 'event_stats', arguments: {} })).rejects.toThrow(/Unknown tool/);
  });

  it('reads an order by URI, the event catalogue and the flex schemas; another tenant’s order is not found', async () => {
    const product = await rest('POST', '/api/v1/commerce/products', {
      title: 'Sea Glass',
      status: 'published',
      variants: [{ title: 'One', prices: [{ amount: 700, currencyCode: 'USD' }], inventory: 5 }],
    });
    const variantId = (product.variants as { id: string }[])[0]?.id as string;
    const guest = { 'x-tenant-id': tenant.id };
    const cart = await p.app.inject({ method: 'POST', url: '/api/v1/store/carts', headers: guest, payload: { currencyCode: 'USD' } });
    const { cart: made, cartToken } = cart.json<{ cart: { id: string }; cartToken: string }>();
    const capability = { ...guest, 'x-cart-token': cartToken };
    await p.app.inject({
      method: 'POST',
      url: `/api/v1/store/carts/${made.id}/items`,
      headers: capability,
      payload: { variantId, quantity: 1 },
    });
    const placed = await p.app.inject({
      method: 'POST',
      url: `/api/v1/store/carts/${made.id}/checkout`,
      headers: { ...capability, 'idempotency-key': `res-${made.id}` },
      payload: {
        email: 'sea@example.com',
        shippingAddress: { name: 'S', line1: '1 Sea Rd', city: 'Port', postalCode: '1', countryCode: 'US' },
      },
    });
    expect(placed.statusCode, placed.body).toBeLessThan(300);
    const orderId = placed.json<{ order: { id: string } }>().order.id;
    const templates = (await staff.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).toContain('rustok://orders/{orderId}');
    expect(await read(`rustok://orders/${orderId}`)).toMatchObject({ id: orderId, total: 700 });
    const resources = (await staff.listResources()).resources.map((r) => r.uri);
    expect(resources).toEqual(expect.arrayContaining(['rustok://events/catalogue', 'rustok://flex/schemas']));
    const catalogue = (await read('rustok://events/catalogue')) as { type: string }[];
    expect(catalogue.map((e) => e.type)).toContain('commerce.order.placed');
    const schemas = (await read('rustok://flex/schemas')) as { slug: string }[];
    expect(schemas.map((s) => s.slug)).toContain('books');
    const other = await p.createTenant('mcp-staff-other');
    const outsider = await connect((await p.userWithToken(other.id, ['admin'])).headers);
    await expect(outsider.readResource({ uri: `rustok://orders/${orderId}` })).rejects.toThrow(/No order/);
  });

  it('renders the prompts: a product description from its fields, a summary of today’s orders', async () => {
    const product = await rest('POST', '/api/v1/commerce/products', { title: 'Brass Compass', tags: ['nautical'] });
    expect((await staff.listPrompts()).prompts.map((x) => x.name)).toEqual(
      expect.arrayContaining(['write_product_description', 'summarise_todays_orders']),
    );
    const prompt = await staff.getPrompt({ name: 'write_product_description', arguments: { productId: product.id, tone: 'warm' } });
    const text = prompt.messages[0]?.content.type === 'text' ? prompt.messages[0].content.text : '';
    expect(text).toContain('Brass Compass');
    expect(text).toContain('nautical');
    expect(text).toContain('update_product');
    const today = await staff.getPrompt({ name: 'summarise_todays_orders', arguments: { date: '2026-12-05' } });
    expect(JSON.stringify(today.messages)).toContain('2026-12-05');
    await expect(staff.getPrompt({ name: 'write_product_description', arguments: {} })).rejects.toThrow(/needs productId/);
  });

  it('keeps the admin tool list under its token budget in direct mode; catalog mode lists three tools', async () => {
    const direct = (await staff.listTools()).tools;
    const catalog = (
      await connectMcp(`${baseUrl(p.app)}/mcp/admin?mode=catalog`, admin).then(async (c) => {
        clients.push(c);
        return c.listTools();
      })
    ).tools;
    expect(tokensOf(direct), `${direct.length} tools`).toBeLessThanOrEqual(DIRECT_ADMIN_BUDGET_TOKENS);
    expect(tokensOf(catalog)).toBeLessThan(1_000);
    expect(catalog.map((t) => t.name).sort()).toEqual(['call_tool', 'describe_tool', 'search_tools']);
  });
});
