import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { auditUnknown, type CallEnv, callTool, errorResult } from './call.js';
import { CALL_TOOL, callToolListing, catalogTools } from './catalog.js';
import { getPrompt, listPrompts, listResources, listResourceTemplates, readResource } from './documents.js';
import { mcpErrors } from './errors.js';
import { listedTool } from './listing.js';
import type { ExposureMode } from './modes.js';
import { type Audience, type ToolRegistry, visibleTools } from './registry.js';

export interface McpRequestScope {
  readonly registry: ToolRegistry;
  readonly audience: Audience;
  readonly env: CallEnv;
  readonly mode: ExposureMode;
  readonly version: string;
}

const INSTRUCTIONS = {
  shop: 'The shop of one tenant: search the catalog and content, build a cart (keep its cartId and cartToken), check out, look orders up. Money is in minor units (cents).',
  admin:
    'Administration of one tenant: products and orders, as the signed-in staff member may. Destructive tools need confirm: true. Money is in minor units (cents).',
} as const;

/**
 * One JSON Schema validator for every request's server: the SDK would build a new Ajv for each
 * `Server`, that is for each request here, and uses it only to check elicitation answers, which
 * this server never asks for.
 */
const validator = new AjvJsonSchemaValidator();

const listTools = async (scope: McpRequestScope): Promise<Tool[]> => {
  if (scope.mode === 'catalog') return [...catalogTools(async () => []).map(listedTool), callToolListing];
  return (await visibleTools(scope.registry, scope.audience)).map((e) => listedTool(e.tool));
};

const argsOf = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** `call_tool`: the named tool, called as directly (its own checks and audit row). */
const callThrough = async (scope: McpRequestScope, args: Record<string, unknown> | undefined): Promise<CallToolResult> => {
  const name = typeof args?.name === 'string' ? args.name : '';
  const entry = (await visibleTools(scope.registry, scope.audience)).find((e) => e.tool.name === name);
  if (!entry) {
    await auditUnknown(scope.env, name || CALL_TOOL, args?.arguments);
    return errorResult(mcpErrors.MCP_TOOL_NOT_FOUND(`No tool ${name} for this caller; search_tools lists them`));
  }
  return callTool(scope.env, entry, argsOf(args?.arguments) ?? {});
};

const call = async (scope: McpRequestScope, name: string, args: Record<string, unknown> | undefined): Promise<CallToolResult> => {
  if (scope.mode === 'catalog') {
    if (name === CALL_TOOL) return callThrough(scope, args);
    const meta = catalogTools(() => visibleTools(scope.registry, scope.audience)).find((t) => t.name === name);
    if (meta) return callTool(scope.env, { module: 'mcp', tool: meta }, args);
  } else {
    const entry = (await visibleTools(scope.registry, scope.audience)).find((e) => e.tool.name === name);
    if (entry) return callTool(scope.env, entry, args);
  }
  await auditUnknown(scope.env, name, args);
  throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`, { code: mcpErrors.MCP_TOOL_NOT_FOUND.code });
};

/**
 * The MCP server of one request (stateless: built for the request, closed after it). `tools/list`
 * shows what this caller may use in this tenant, `tools/call` runs one; resources and prompts are
 * listed, read and got the same way in both modes (documents.ts).
 */
export const createMcpServer = (scope: McpRequestScope): Server => {
  const server = new Server(
    { name: `rustok-${scope.audience.surface}`, version: scope.version },
    {
      capabilities: { tools: { listChanged: false }, resources: { listChanged: false }, prompts: { listChanged: false } },
      instructions: INSTRUCTIONS[scope.audience.surface],
      jsonSchemaValidator: validator,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: await listTools(scope) }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => call(scope, request.params.name, argsOf(request.params.arguments)));
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: await listResources(scope) }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: await listResourceTemplates(scope) }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => readResource(scope, request.params.uri));
  server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: await listPrompts(scope) }));
  server.setRequestHandler(GetPromptRequestSchema, async (request) => getPrompt(scope, request.params.name, request.params.arguments));
  return server;
};
