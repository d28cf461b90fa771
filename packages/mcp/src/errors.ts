import { defineErrors } from '@rustok/kernel';

/** Every error code the MCP server raises (tool errors carry them in their result's text, HTTP errors as problem+json). */
export const mcpErrors = defineErrors('mcp', {
  MCP_CONFIRMATION_REQUIRED: {
    status: 422,
    title: 'Confirmation required',
    description: 'A destructive tool runs only with confirm: true in its arguments',
  },
  MCP_INVALID_ARGUMENTS: { status: 422, title: 'Validation failed', description: "The tool's arguments do not match its input schema" },
  MCP_TOOL_NOT_FOUND: {
    status: 404,
    title: 'Not found',
    description: 'No tool of that name is offered to this caller (unknown, not permitted, or its module is off for the tenant)',
  },
  MCP_TOOL_RATE_LIMITED: { status: 429, title: 'Too many requests', description: 'Too many calls of this tool with this token; wait' },
  MCP_TOKEN_RATE_LIMITED: {
    status: 429,
    title: 'Too many requests',
    description: 'Too many tool calls with this personal access token (of any tool); wait',
  },
  MCP_ORIGIN_FORBIDDEN: {
    status: 403,
    title: 'Forbidden',
    description: 'The Origin of a browser request to the MCP endpoint is not allowed for the tenant or the deployment',
  },
  MCP_STAFF_REQUIRED: { status: 403, title: 'Forbidden', description: 'The admin MCP endpoint needs a staff access token' },
  MCP_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', description: 'The MCP endpoints are stateless: POST only' },
});
