import { expect } from 'vitest';
import { expectNoSecretsOfB } from './checks.js';
import { commerceCatalogArea } from './commerce-catalog.js';
import { commerceOrdersArea } from './commerce-orders.js';
import { defineArea, type McpCheck, type Response, type World } from './world.js';

/**
 * The MCP endpoints: their routes (the audit, the protected-resource metadata) and every tool the
 * modules declare. A tool is called with JSON-RPC over POST /mcp/<surface>, statelessly: with A's
 * token for tenant B it is refused (401); A's admin naming B's objects gets the tool's not-found;
 * a tool that names nothing answers A's own data only.
 */

export type Surface = 'shop' | 'admin';
type Args = Record<string, unknown>;

const ADDRESS = { name: 'A', line1: '1 Main St', city: 'Springfield', postalCode: '12345', countryCode: 'US' };

export const mcpCall = (w: Pick<World, 'call'>, surface: Surface, headers: Record<string, string>, name: string, args: Args) =>
  w.call(
    'POST',
    `/mcp/${surface}`,
    { ...headers, accept: 'application/json, text/event-stream' },
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name, arguments: args },
    },
  );

interface ToolReply {
  readonly result?: { isError?: boolean; content: { type: string; text: string }[] };
  readonly error?: { message: string; data?: { code?: string } };
}

export const replyOf = (res: Response): ToolReply => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ToolReply>();
};

export const crossedIsRefused = async (w: World, surface: Surface, name: string, args: Args): Promise<void> => {
  const crossed = await mcpCall(w, surface, { authorization: `Bearer ${w.a.token}`, 'x-tenant-id': w.b.tenant.id }, name, args);
  expect(crossed.statusCode, `${name} with A's token for tenant B: ${crossed.body}`).toBe(401);
  expectNoSecretsOfB(w, crossed.body, [JSON.stringify(args)]);
};

/** A tool naming B's objects: A's admin gets `code`, and nothing of B but what A sent. */
export const refusedTool =
  (surface: Surface, name: string, argsOfB: (w: World) => Args, code: string): McpCheck =>
  async (w) => {
    const args = argsOfB(w);
    await crossedIsRefused(w, surface, name, args);
    const res = await mcpCall(w, surface, w.a.admin, name, args);
    const reply = replyOf(res);
    expect(reply.result?.isError, `${name} as A naming B's objects: ${res.body}`).toBe(true);
    expect(JSON.parse(reply.result?.content[0]?.text ?? '{}')).toMatchObject({ code });
    expectNoSecretsOfB(w, res.body, [JSON.stringify(args)]);
  };

/** A tool that names no object: A's own answer, with nothing of B. */
export const ownTool =
  (surface: Surface, name: string, args: (w: World) => Args): McpCheck =>
  async (w) => {
    await crossedIsRefused(w, surface, name, args(w));
    const res = await mcpCall(w, surface, w.a.admin, name, args(w));
    expect(replyOf(res).result?.isError, `${name} as A: ${res.body}`).not.toBe(true);
    expectNoSecretsOfB(w, res.body);
  };

const orders = (w: World) => commerceOrdersArea.of(w.b);
const cartOfB = (w: World) => ({ cartId: orders(w).cartId, cartToken: orders(w).cartToken });
const productOfB = (w: World) => commerceCatalogArea.of(w.b).productId;

export const mcpArea = defineArea<Record<string, never>>({
  name: 'mcp',
  async setup({ side, call }) {
    // One call each, so both tenants have audit rows.
    const res = await mcpCall({ call }, 'shop', side.admin, 'search_content', {});
    expect(res.statusCode, res.body).toBe(200);
    return {};
  },
  tablesWithData: ['mcp_audit'],
  routes: {
    'GET /api/v1/mcp/audit': { kind: 'tenant' },
    'GET /.well-known/oauth-protected-resource/mcp/shop': { kind: 'tenant', public: true },
    'GET /.well-known/oauth-protected-resource/mcp/admin': { kind: 'tenant', public: true },
  },
  graphql: {},
  mcp: {
    search_catalog: ownTool('shop', 'search_catalog', () => ({})),
    get_product: refusedTool('shop', 'get_product', (w) => ({ handle: commerceCatalogArea.of(w.b).handle }), 'INDEX_PRODUCT_NOT_FOUND'),
    search_content: ownTool('shop', 'search_content', () => ({})),
    create_cart: ownTool('shop', 'create_cart', () => ({ currencyCode: 'USD' })),
    get_cart: refusedTool('shop', 'get_cart', cartOfB, 'COMMERCE_CART_NOT_FOUND'),
    update_cart: refusedTool(
      'shop',
      'update_cart',
      (w) => ({ ...cartOfB(w), details: { email: 'a@example.com' } }),
      'COMMERCE_CART_NOT_FOUND',
    ),
    checkout: refusedTool(
      'shop',
      'checkout',
      (w) => ({ ...cartOfB(w), idempotencyKey: 'iso-mcp', email: 'a@example.com', shippingAddress: ADDRESS }),
      'COMMERCE_CART_NOT_FOUND',
    ),
    get_order: refusedTool(
      'shop',
      'get_order',
      (w) => ({ orderId: orders(w).orderId, orderToken: orders(w).orderToken }),
      'COMMERCE_ORDER_NOT_FOUND',
    ),
    create_product: ownTool('admin', 'create_product', () => ({ title: 'Product of A over MCP' })),
    update_product: refusedTool(
      'admin',
      'update_product',
      (w) => ({ productId: productOfB(w), changes: { title: 'by A' } }),
      'COMMERCE_PRODUCT_NOT_FOUND',
    ),
    publish_product: refusedTool('admin', 'publish_product', (w) => ({ productId: productOfB(w) }), 'COMMERCE_PRODUCT_NOT_FOUND'),
    find_orders: ownTool('admin', 'find_orders', () => ({})),
    transition_order: refusedTool(
      'admin',
      'transition_order',
      (w) => ({ orderId: orders(w).orderId, to: 'cancelled' }),
      'COMMERCE_ORDER_NOT_FOUND',
    ),
    refund_order: refusedTool('admin', 'refund_order', (w) => ({ orderId: orders(w).orderId, confirm: true }), 'COMMERCE_ORDER_NOT_FOUND'),
  },
});
