import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { resultOf } from './call.js';
import { getPrompt, listPrompts, listResources, listResourceTemplates, readResource } from './documents.js';
import { argsOf, callToolNamed, listTools, type McpRequestScope } from './tools.js';

export type { McpRequestScope } from './tools.js';

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
  server.setRequestHandler(CallToolRequestSchema, async (request) =>
    resultOf(await callToolNamed(scope, request.params.name, argsOf(request.params.arguments))),
  );
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: await listResources(scope) }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: await listResourceTemplates(scope) }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => readResource(scope, request.params.uri));
  server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: await listPrompts(scope) }));
  server.setRequestHandler(GetPromptRequestSchema, async (request) => getPrompt(scope, request.params.name, request.params.arguments));
  return server;
};
