import { ErrorCode, McpError, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { auditUnknown, type CallEnv, callTool, errorResult, type ToolAnswer } from './call.js';
import { CALL_TOOL, callToolListing, catalogTools } from './catalog.js';
import { mcpErrors } from './errors.js';
import { listedTool } from './listing.js';
import type { ExposureMode } from './modes.js';
import { type Audience, type ToolRegistry, visibleTool, visibleTools } from './registry.js';

/** One request's view of the MCP server: the tools, who asks, how calls run, the exposure mode. */
export interface McpRequestScope {
  readonly registry: ToolRegistry;
  readonly audience: Audience;
  readonly env: CallEnv;
  readonly mode: ExposureMode;
  readonly version: string;
}

/** `tools/list`: the caller's tools, or in catalog mode the three meta-tools. */
export const listTools = async (scope: McpRequestScope): Promise<Tool[]> => {
  if (scope.mode === 'catalog') return [...catalogTools(async () => []).map(listedTool), callToolListing];
  return (await visibleTools(scope.registry, scope.audience)).map((e) => listedTool(e.tool));
};

export const argsOf = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** `call_tool`: the named tool, called as directly (its own checks and audit row). */
const callThrough = async (scope: McpRequestScope, args: Record<string, unknown> | undefined): Promise<ToolAnswer> => {
  const name = typeof args?.name === 'string' ? args.name : '';
  const entry = await visibleTool(scope.registry, scope.audience, name);
  if (!entry) {
    await auditUnknown(scope.env, name || CALL_TOOL, args?.arguments);
    return { result: errorResult(mcpErrors.MCP_TOOL_NOT_FOUND(`No tool ${name} for this caller; search_tools lists them`)) };
  }
  return callTool(scope.env, entry, argsOf(args?.arguments) ?? {});
};

/**
 * `tools/call` of `name`: the caller's tool (in catalog mode a meta-tool), with its checks and audit
 * row. A tool this caller is not offered is a JSON-RPC error (InvalidParams, MCP_TOOL_NOT_FOUND), audited too.
 */
export const callToolNamed = async (
  scope: McpRequestScope,
  name: string,
  args: Record<string, unknown> | undefined,
): Promise<ToolAnswer> => {
  if (scope.mode === 'catalog') {
    if (name === CALL_TOOL) return callThrough(scope, args);
    const meta = catalogTools(() => visibleTools(scope.registry, scope.audience)).find((t) => t.name === name);
    if (meta) return callTool(scope.env, { module: 'mcp', tool: meta }, args);
  } else {
    const entry = await visibleTool(scope.registry, scope.audience, name);
    if (entry) return callTool(scope.env, entry, args);
  }
  await auditUnknown(scope.env, name, args);
  throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`, { code: mcpErrors.MCP_TOOL_NOT_FOUND.code });
};
