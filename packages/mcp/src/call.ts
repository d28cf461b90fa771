import { createHash } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type AppError, isAppError, type McpCallContext, type McpSurface } from '@rustok/kernel';
import type { FastifyBaseLogger } from 'fastify';
import type { AuditEntry } from './audit/store.js';
import type { RegisteredTool } from './registry.js';
import { toolArguments } from './validate.js';

/** Takes one audit row (see audit/batch.ts: resolves when the call may answer). */
export type AuditWrite = (entry: AuditEntry) => Promise<void>;

/** Everything a tool call needs besides the tool: the caller's context and the platform's services. */
export interface CallEnv {
  readonly ctx: McpCallContext;
  readonly surface: McpSurface;
  /** The client's name from its `initialize` (or the User-Agent), for the audit. */
  readonly clientName: string | null;
  readonly logger: FastifyBaseLogger;
  /** Throws MCP_TOOL_RATE_LIMITED when this caller has called this tool too often. */
  readonly limit: (tool: string) => Promise<void>;
  /** Where the call's audit row goes (written in the background, rows of concurrent calls together). */
  readonly audit: AuditWrite;
}

/**
 * What a call answers: a result, or a successful tool's output as JSON text (what its text handler
 * answered, e.g. stored items joined), which goes into the answer as it is.
 */
export type ToolAnswer = { readonly result: CallToolResult } | { readonly json: string };

/** Keys sorted at every level, so that the same arguments hash the same whatever their order. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
};

export const argumentsHash = (args: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(args ?? {})))
    .digest('hex');

const problemOf = (error: AppError) => ({
  code: error.code,
  status: error.status,
  title: error.title,
  detail: error.message,
  ...(error.errors.length > 0 ? { errors: error.errors } : {}),
});

/** A coded failure as a tool result the assistant can read and act on (isError: true). */
export const errorResult = (error: AppError): CallToolResult => ({
  isError: true,
  content: [{ type: 'text', text: JSON.stringify(problemOf(error)) }],
});

const okResult = (value: unknown): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
  structuredContent: value as Record<string, unknown>,
});

/** The answer as a result object: a JSON text output is its text content, and its structured content parsed. */
export const resultOf = (answer: ToolAnswer): CallToolResult =>
  'json' in answer
    ? { content: [{ type: 'text', text: answer.json }], structuredContent: JSON.parse(answer.json) as Record<string, unknown> }
    : answer.result;

const INTERNAL = { code: 'INTERNAL_ERROR', status: 500, title: 'Internal server error', detail: 'The tool failed unexpectedly' };

const run = async (env: CallEnv, entry: RegisteredTool, raw: Record<string, unknown> | undefined): Promise<ToolAnswer> => {
  await env.limit(entry.tool.name);
  const args = toolArguments(entry.tool, raw);
  const { text } = entry.tool;
  return text ? { json: await text(env.ctx, args) } : { result: okResult(await entry.tool.handler(env.ctx, args)) };
};

/**
 * Calls a tool as the caller: rate limit, `confirm`, argument validation, then the module's handler
 * (whose use-case checks permissions again and writes through the outbox). A coded error becomes an
 * error result; anything else is logged and answered INTERNAL_ERROR. Every call leaves an audit row.
 */
export const callTool = async (env: CallEnv, entry: RegisteredTool, raw: Record<string, unknown> | undefined): Promise<ToolAnswer> => {
  const started = performance.now();
  let answer: ToolAnswer;
  let code: string | null = null;
  try {
    answer = await run(env, entry, raw);
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      code = error.code;
      answer = { result: errorResult(error) };
    } else {
      env.logger.error({ err: error, tool: entry.tool.name }, 'MCP tool failed');
      code = isAppError(error) ? error.code : INTERNAL.code;
      answer = { result: { isError: true, content: [{ type: 'text', text: JSON.stringify({ ...INTERNAL, code }) }] } };
    }
  }
  await audit(env, entry.tool.name, raw, code, performance.now() - started);
  return answer;
};

/** Hands the call's row to the audit writer (which writes it in the background, see audit/batch.ts). */
const audit = (env: CallEnv, tool: string, raw: unknown, code: string | null, durationMs: number): Promise<void> =>
  env.audit({
    tenantId: env.ctx.tenant.id,
    actorId: env.ctx.principal?.userId ?? null,
    tokenId: env.ctx.principal?.accessToken?.id ?? null,
    surface: env.surface,
    clientName: env.clientName,
    tool,
    argumentsSha256: argumentsHash(raw),
    outcome: code === null ? 'ok' : 'error',
    errorCode: code,
    durationMs,
  });

/** The audit row of a call of a tool this caller is not offered (unknown, not permitted, module off). */
export const auditUnknown = (env: CallEnv, name: string, raw: unknown): Promise<void> =>
  audit(env, name.slice(0, 100), raw, 'MCP_TOOL_NOT_FOUND', 0);
