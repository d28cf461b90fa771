import { defineMcpTool, type McpTool } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { mcpErrors } from './errors.js';
import { listedTool } from './listing.js';
import type { RegisteredTool } from './registry.js';

/**
 * Catalog mode: instead of every permitted tool, three meta-tools (search, describe, call), so a
 * large tool set does not fill the assistant's context. The tools they reach are the same ones,
 * filtered the same way; `call_tool` runs the named tool as a direct call would (same checks, same audit).
 */
export const CALL_TOOL = 'call_tool';

const Summary = Type.Object({
  name: Type.String(),
  title: Type.String(),
  description: Type.String(),
  readOnly: Type.Boolean(),
  destructive: Type.Boolean(),
});

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const score = (entry: RegisteredTool, query: readonly string[]): number => {
  const { tool } = entry;
  const hay = new Set(words(`${tool.name} ${tool.title} ${tool.description} ${entry.module}`));
  return query.filter((w) => [...hay].some((h) => h.startsWith(w))).length;
};

const summary = ({ tool }: RegisteredTool) => ({
  name: tool.name,
  title: tool.title,
  description: tool.description,
  readOnly: tool.annotations.readOnlyHint,
  destructive: tool.annotations.destructiveHint,
});

const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true } as const;

/** The meta-tools over the caller's visible tools (`visible` is computed per request). */
export const catalogTools = (visible: () => Promise<RegisteredTool[]>): McpTool[] => [
  defineMcpTool({
    name: 'search_tools',
    title: 'Search tools',
    description: 'Find the tools you may call by words of what you want to do (empty query: all). Then describe_tool, then call_tool.',
    input: Type.Object(
      { query: Type.String({ maxLength: 200, default: '' }), limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) },
      { additionalProperties: false },
    ),
    output: Type.Object({ tools: Type.Array(Summary) }),
    annotations: readOnly,
    surface: 'shop',
    permission: null,
    handler: async (_ctx, input) => {
      const query = words(input.query);
      const all = await visible();
      const ranked =
        query.length === 0
          ? all
          : all
              .map((e) => ({ e, s: score(e, query) }))
              .filter((x) => x.s > 0)
              .sort((a, b) => b.s - a.s)
              .map((x) => x.e);
      return { tools: ranked.slice(0, input.limit).map(summary) };
    },
  }),
  defineMcpTool({
    name: 'describe_tool',
    title: 'Describe a tool',
    description: "A tool's input and output schemas (JSON Schema 2020-12) and annotations, to call it with call_tool.",
    input: Type.Object({ name: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
    output: Type.Object({ tool: Type.Record(Type.String(), Type.Unknown()) }),
    annotations: readOnly,
    surface: 'shop',
    permission: null,
    handler: async (_ctx, input) => {
      const entry = (await visible()).find((e) => e.tool.name === input.name);
      if (!entry) throw mcpErrors.MCP_TOOL_NOT_FOUND(`No tool ${input.name} for this caller`);
      return { tool: { ...listedTool(entry.tool) } };
    },
  }),
];

/** `call_tool`'s listing (its result is the called tool's, so it declares no output schema). */
export const callToolListing = {
  name: CALL_TOOL,
  title: 'Call a tool',
  description: 'Call a tool found with search_tools by name, with arguments matching its input schema (describe_tool).',
  inputSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object' as const,
    properties: {
      name: { type: 'string', maxLength: 100 },
      arguments: { type: 'object', description: "The tool's arguments", default: {} },
    },
    required: ['name'],
    additionalProperties: false,
  },
  annotations: { title: 'Call a tool', readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
};
