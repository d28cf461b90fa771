import type {} from '@fastify/rate-limit';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mcpErrors } from './errors.js';

const WINDOW_MS = 60_000;
const toolOf = new WeakMap<FastifyRequest, string>();

/** `<tenant>:mcp:<caller>:<tool>`: the token's user (or the client address for anonymous shoppers) and the tool. */
const keyOf = (request: FastifyRequest): string => {
  const caller = request.principal ? `user:${request.principal.userId}` : `ip:${request.ip ? normalizeIP(request.ip) : 'unknown'}`;
  return `${request.tenant?.id ?? 'platform'}:mcp:${caller}:${toolOf.get(request) ?? '-'}`;
};

/**
 * Per caller and tool: `max` calls a minute, counted by the platform's rate limiter (the same
 * counters, in Redis when it is configured). Without the limiter (rate limits off) nothing is limited.
 */
export const toolLimiter = (app: FastifyInstance, max: number) => {
  if (!app.hasDecorator('createRateLimit')) return async (_request: FastifyRequest, _tool: string): Promise<void> => {};
  const check = app.createRateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: keyOf });
  return async (request: FastifyRequest, tool: string): Promise<void> => {
    toolOf.set(request, tool);
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    throw mcpErrors.MCP_TOOL_RATE_LIMITED(`Too many calls of ${tool}; retry in ${seconds} s`, { meta: { retryAfterSeconds: seconds } });
  };
};

/** `<tenant>:mcp-token:<token id>`: every tool call made with one personal access token. */
const tokenKeyOf = (request: FastifyRequest): string =>
  `${request.tenant?.id ?? 'platform'}:mcp-token:${request.principal?.accessToken?.id ?? '-'}`;

/**
 * Per personal access token: `max` tool calls a minute, whatever the tool (next to the per-tool
 * limit). Calls with a session token or none are not counted here.
 */
export const tokenLimiter = (app: FastifyInstance, max: number) => {
  if (!app.hasDecorator('createRateLimit')) return async (_request: FastifyRequest): Promise<void> => {};
  const check = app.createRateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: tokenKeyOf });
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.principal?.accessToken) return;
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    throw mcpErrors.MCP_TOKEN_RATE_LIMITED(`Too many tool calls with this access token; retry in ${seconds} s`, {
      meta: { retryAfterSeconds: seconds },
    });
  };
};
