import { expect } from 'vitest';
import { expectNoSecretsOfB } from './checks.js';
import { commerceCatalogArea } from './commerce-catalog.js';
import { contentArea } from './content.js';
import { flexArea } from './flex.js';
import { crossedIsRefused, mcpCall, ownTool, refusedTool, replyOf } from './mcp.js';
import { notificationsArea } from './notifications.js';
import { scriptingArea } from './scripting.js';
import { defineArea, type McpCheck, type World } from './world.js';

/**
 * The staff tools of content, commerce (prices, stock), flex, notifications, scripting and the
 * event system on /mcp/admin: A's token for B is refused, A's admin naming B's objects gets the
 * tool's not-found, a tool that names nothing answers A's own data only. (Area of its own, after
 * the areas whose objects it names; its tools' objects are theirs.)
 */

/** A platform tool (every tenant's figures): A's token for B is refused, A's tenant admin is not offered it. */
const platformTool =
  (name: string): McpCheck =>
  async (w) => {
    await crossedIsRefused(w, 'admin', name, {});
    const res = await mcpCall(w, 'admin', w.a.admin, name, {});
    const reply = replyOf(res);
    expect(reply.error?.data?.code, `${name} as A's tenant admin: ${res.body}`).toBe('MCP_TOOL_NOT_FOUND');
    expectNoSecretsOfB(w, res.body);
  };

const variantOfB = (w: World) => commerceCatalogArea.of(w.b).variantId;
const nodeOfB = (w: World) => contentArea.of(w.b).nodeId;
const flexOfB = (w: World) => flexArea.of(w.b);
const notificationsOfB = (w: World) => notificationsArea.of(w.b);

export const mcpAdminArea = defineArea<Record<string, never>>({
  name: 'mcp-admin',
  async setup() {
    return {};
  },
  routes: {},
  graphql: {},
  mcp: {
    set_variant_prices: refusedTool(
      'admin',
      'set_variant_prices',
      (w) => ({ variantId: variantOfB(w), prices: [{ amount: 1, currencyCode: 'USD' }] }),
      'COMMERCE_VARIANT_NOT_FOUND',
    ),
    set_variant_stock: refusedTool(
      'admin',
      'set_variant_stock',
      (w) => ({ variantId: variantOfB(w), available: 0 }),
      'COMMERCE_VARIANT_NOT_FOUND',
    ),
    draft_content: ownTool('admin', 'draft_content', () => ({ kind: 'article', title: 'Draft of A over MCP' })),
    translate_content: refusedTool(
      'admin',
      'translate_content',
      (w) => ({ nodeId: nodeOfB(w), locale: 'en', title: 'by A' }),
      'CONTENT_NODE_NOT_FOUND',
    ),
    publish_content: refusedTool('admin', 'publish_content', (w) => ({ nodeId: nodeOfB(w) }), 'CONTENT_NODE_NOT_FOUND'),
    list_flex_entries: refusedTool('admin', 'list_flex_entries', (w) => ({ schema: flexOfB(w).slug }), 'FLEX_SCHEMA_NOT_FOUND'),
    get_flex_entry: refusedTool('admin', 'get_flex_entry', (w) => ({ entryId: flexOfB(w).entryId }), 'FLEX_ENTRY_NOT_FOUND'),
    create_flex_entry: refusedTool(
      'admin',
      'create_flex_entry',
      (w) => ({ schema: flexOfB(w).slug, values: { title: 'by A' } }),
      'FLEX_SCHEMA_NOT_FOUND',
    ),
    list_webhook_endpoints: ownTool('admin', 'list_webhook_endpoints', () => ({})),
    list_webhook_deliveries: refusedTool(
      'admin',
      'list_webhook_deliveries',
      (w) => ({ endpointId: notificationsOfB(w).endpointId }),
      'NOTIFICATIONS_ENDPOINT_NOT_FOUND',
    ),
    redeliver_webhook: refusedTool(
      'admin',
      'redeliver_webhook',
      (w) => ({ deliveryId: notificationsOfB(w).deliveryId, confirm: true }),
      'NOTIFICATIONS_DELIVERY_NOT_FOUND',
    ),
    dry_run_script: refusedTool(
      'admin',
      'dry_run_script',
      (w) => ({ scriptId: scriptingArea.of(w.b).scriptId, input: {} }),
      'SCRIPTING_SCRIPT_NOT_FOUND',
    ),
    event_stats: platformTool('event_stats'),
  },
});
