import { accessTokensArea } from './access-tokens.js';
import { accountsArea } from './accounts.js';
import { blogArea } from './blog.js';
import { commerceCatalogArea } from './commerce-catalog.js';
import { commerceOrdersArea } from './commerce-orders.js';
import { contentArea } from './content.js';
import { flexArea } from './flex.js';
import { forumArea } from './forum.js';
import { indexStoreArea } from './index-store.js';
import { mcpArea } from './mcp.js';
import { mcpAdminArea } from './mcp-admin.js';
import { mediaArea } from './media.js';
import { notificationsArea } from './notifications.js';
import { notificationsInboxArea } from './notifications-inbox.js';
import { pagesArea } from './pages.js';
import { platformAuth } from './platform-auth.js';
import { platformGraphQLArea } from './platform-graphql.js';
import { scriptingArea } from './scripting.js';
import type { Area, GraphQLCheck, McpCheck, RouteCase } from './world.js';

/**
 * Every area of the surface, in setup order (an area's setup may use the objects of the areas
 * before it). A module adds its area here: one file with its routes, GraphQL fields and setup,
 * and one line in this list.
 */
export const AREAS: readonly Area<unknown>[] = [
  platformAuth,
  platformGraphQLArea,
  accountsArea,
  accessTokensArea,
  contentArea,
  blogArea,
  forumArea,
  pagesArea,
  commerceCatalogArea,
  commerceOrdersArea,
  indexStoreArea,
  flexArea,
  notificationsArea,
  notificationsInboxArea,
  mediaArea,
  scriptingArea,
  mcpArea,
  mcpAdminArea,
];

/** The areas' entries merged into one table; an entry claimed by two areas is an error. */
const merged = <T>(pick: (area: Area<unknown>) => Readonly<Record<string, T>>): Readonly<Record<string, T>> => {
  const out: Record<string, T> = {};
  for (const area of AREAS) {
    for (const [key, entry] of Object.entries(pick(area))) {
      if (key in out) throw new Error(`${key} has an entry in two areas (the second is ${area.name})`);
      out[key] = entry;
    }
  }
  return out;
};

/** Every REST route of the OpenAPI document, keyed `METHOD /path/{param}`. */
export const ROUTES: Readonly<Record<string, RouteCase>> = merged((area) => area.routes);

/** Every root field of the GraphQL schema, `Query.<field>` / `Mutation.<field>`, with its cross-tenant check. */
export const GRAPHQL_FIELDS: Readonly<Record<string, GraphQLCheck>> = merged((area) => area.graphql);

/** Every MCP tool of the deployment, by name, with its cross-tenant check. */
export const MCP_TOOLS: Readonly<Record<string, McpCheck>> = merged((area) => area.mcp ?? {});

/** Tenant tables the areas fill for both tenants. */
export const TENANT_TABLES_WITH_DATA: readonly string[] = AREAS.flatMap((area) => area.tablesWithData ?? []);
