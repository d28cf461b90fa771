import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ToolAnswer } from './call.js';
import { type ToolsCallMessage, toolsCallOf } from './message.js';
import { argsOf, callToolNamed, type McpRequestScope } from './tools.js';

/**
 * The common request, a single `tools/call`, answered without the SDK's server and transport: the
 * message checked against the SDK's own rules (message.ts), the tool called as the SDK's handler
 * calls it (tools.ts), and the JSON-RPC response written as the SDK writes it, byte for byte (the
 * keys in the SDK's order), with a tool's JSON text output put in as it is rather than parsed and
 * serialised twice. Everything else (initialize, lists, batches, notifications, resources,
 * prompts, and any request the SDK would refuse) is the SDK's (exchange.ts).
 */

type RequestId = ToolsCallMessage['id'];

/** The result as the SDK's CallToolResult schema puts it out: content, structuredContent, isError. */
const resultText = (answer: ToolAnswer): string => {
  if ('json' in answer) return `{"content":[{"type":"text","text":${JSON.stringify(answer.json)}}],"structuredContent":${answer.json}}`;
  const { content, structuredContent, isError } = answer.result;
  return JSON.stringify({ content, structuredContent, isError });
};

const responseText = (id: RequestId, answer: ToolAnswer): string =>
  `{"result":${resultText(answer)},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;

/** A thrown error as the SDK's protocol layer answers it: its code if an integer (else InternalError), message and data. */
const errorText = (id: RequestId, error: unknown): string => {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
  const code = Number.isSafeInteger(e.code) ? e.code : ErrorCode.InternalError;
  const message = e.message ?? 'Internal error';
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code, message, ...(e.data !== undefined && { data: e.data }) } });
};

/** Answers the request if it is a single `tools/call` the server answers itself; false: it is the SDK's. */
export const answerToolsCall = async (request: FastifyRequest, reply: FastifyReply, scope: McpRequestScope): Promise<boolean> => {
  const message = toolsCallOf(request);
  if (!message) return false;
  let text: string;
  try {
    text = responseText(message.id, await callToolNamed(scope, message.params.name, argsOf(message.params.arguments)));
  } catch (error) {
    text = errorText(message.id, error);
  }
  reply.code(200).header('content-type', 'application/json').send(text);
  return true;
};
