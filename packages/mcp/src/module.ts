import { defineModule } from '@rustok/kernel';
import { auditRoutes } from './audit/route.js';
import { mcpErrors } from './errors.js';
import { mcpMigrations } from './migrations.js';

/** The MCP server's own part of the platform: the audit table and its route, and its error codes. */
export const mcpModule = defineModule({
  slug: 'mcp',
  name: 'MCP server',
  description: 'Tools of the modules for AI assistants at /mcp/shop and /mcp/admin, with an audit row per call',
  version: '0.1.0',
  kind: 'core',
  dependencies: ['tenancy', 'auth'],
  errors: [mcpErrors],
  permissions: ['mcp.audit.view'],
  migrations: mcpMigrations,
  rest: auditRoutes,
});
