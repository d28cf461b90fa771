import {
  ErrorCode,
  type GetPromptResult,
  McpError,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
} from '@modelcontextprotocol/sdk/types.js';
import { isAppError, type McpResource } from '@rustok/kernel';
import type { CallEnv } from './call.js';
import { type Audience, type ToolRegistry, visiblePrompts, visibleResources } from './registry.js';

/**
 * Resources and prompts: `resources/list` (fixed URIs), `resources/templates/list` (URIs with
 * `{name}` parts), `resources/read`, `prompts/list` and `prompts/get`, over what the modules declare,
 * filtered like the tools (endpoint, permission, modules on). A use-case's coded error travels as the
 * JSON-RPC error's data (a missing object, or another tenant's: -32002, resource not found).
 */

export interface DocumentScope {
  readonly registry: ToolRegistry;
  readonly audience: Audience;
  readonly env: CallEnv;
}

/** JSON-RPC code MCP gives a resource that is not there. */
const RESOURCE_NOT_FOUND = -32002;

const isTemplate = (uri: string): boolean => uri.includes('{');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `{name}` parts of `uri` when it matches `template` (one path segment each), else undefined. */
export const matchUri = (template: string, uri: string): Record<string, string> | undefined => {
  const names: string[] = [];
  const source = template
    .split(/(\{[a-zA-Z][a-zA-Z0-9_]*\})/)
    .map((part) => {
      if (!part.startsWith('{')) return escapeRegExp(part);
      names.push(part.slice(1, -1));
      return '([^/?#{}]+)';
    })
    .join('');
  const found = new RegExp(`^${source}$`).exec(uri);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
};

const described = (r: McpResource) => ({ name: r.name, title: r.title, description: r.description, mimeType: r.mimeType });

export const listResources = async (scope: DocumentScope): Promise<Resource[]> =>
  (await visibleResources(scope.registry, scope.audience))
    .filter((e) => !isTemplate(e.item.uri))
    .map((e) => ({ uri: e.item.uri, ...described(e.item) }));

export const listResourceTemplates = async (scope: DocumentScope): Promise<ResourceTemplate[]> =>
  (await visibleResources(scope.registry, scope.audience))
    .filter((e) => isTemplate(e.item.uri))
    .map((e) => ({ uriTemplate: e.item.uri, ...described(e.item) }));

/** A use-case's failure as the JSON-RPC error of the request (the problem's code in its data). */
const rpcErrorOf = (scope: DocumentScope, error: unknown, what: string): McpError => {
  if (isAppError(error) && error.status < 500) {
    const data = { code: error.code, status: error.status, detail: error.message };
    return new McpError(error.status === 404 ? RESOURCE_NOT_FOUND : ErrorCode.InvalidParams, error.message, data);
  }
  scope.env.logger.error({ err: error, what }, 'MCP resource or prompt failed');
  return new McpError(ErrorCode.InternalError, 'Internal server error', { code: 'INTERNAL_ERROR' });
};

export const readResource = async (scope: DocumentScope, uri: string): Promise<ReadResourceResult> => {
  for (const { item } of await visibleResources(scope.registry, scope.audience)) {
    const params = isTemplate(item.uri) ? matchUri(item.uri, uri) : item.uri === uri ? {} : undefined;
    if (!params) continue;
    try {
      return { contents: [{ uri, mimeType: item.mimeType, text: await item.read(scope.env.ctx, params) }] };
    } catch (error) {
      throw rpcErrorOf(scope, error, uri);
    }
  }
  throw new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri.slice(0, 200)}`, { uri: uri.slice(0, 200) });
};

export const listPrompts = async (scope: DocumentScope): Promise<Prompt[]> =>
  (await visiblePrompts(scope.registry, scope.audience)).map(({ item }) => ({
    name: item.name,
    title: item.title,
    description: item.description,
    arguments: item.arguments.map((a) => ({ ...a })),
  }));

export const getPrompt = async (scope: DocumentScope, name: string, args: Record<string, string> | undefined): Promise<GetPromptResult> => {
  const entry = (await visiblePrompts(scope.registry, scope.audience)).find((e) => e.item.name === name);
  if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name.slice(0, 100)}`);
  const given = args ?? {};
  const missing = entry.item.arguments.filter((a) => a.required && !given[a.name]).map((a) => a.name);
  if (missing.length > 0) throw new McpError(ErrorCode.InvalidParams, `Prompt ${name} needs ${missing.join(', ')}`);
  try {
    const text = await entry.item.render(scope.env.ctx, given);
    return { description: entry.item.description, messages: [{ role: 'user', content: { type: 'text', text } }] };
  } catch (error) {
    throw rpcErrorOf(scope, error, name);
  }
};
