import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpTool } from '@rustok/kernel';
import { inputJsonSchema, outputJsonSchema } from './json-schema.js';

/** A tool as `tools/list` shows it: JSON Schema 2020-12 input and output, annotations. */
export const listedTool = (tool: McpTool): Tool => ({
  name: tool.name,
  title: tool.title,
  description: tool.description,
  inputSchema: inputJsonSchema(tool),
  outputSchema: outputJsonSchema(tool),
  annotations: {
    title: tool.title,
    readOnlyHint: tool.annotations.readOnlyHint,
    destructiveHint: tool.annotations.destructiveHint,
    idempotentHint: tool.annotations.idempotentHint,
    openWorldHint: false,
  },
});
