import type { Readable, Writable } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { McpSurface } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import type { ExposureMode } from './modes.js';

export interface StdioOptions {
  readonly app: FastifyInstance;
  readonly surface: McpSurface;
  /** What names the tenant and the caller on every forwarded request: Authorization, the tenant header or Host. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exposure mode; absent: the token's own (direct without one). */
  readonly mode?: ExposureMode | undefined;
  readonly input?: Readable;
  readonly output?: Writable;
}

const idOf = (message: JSONRPCMessage): string | number | undefined =>
  'id' in message && (typeof message.id === 'string' || typeof message.id === 'number') ? message.id : undefined;

/** An HTTP refusal (401, 403, 429…) as the JSON-RPC error of the request it answered. */
const refusal = (id: string | number, status: number, body: string): JSONRPCMessage => {
  let problem: { detail?: string; code?: string } = {};
  try {
    problem = JSON.parse(body) as typeof problem;
  } catch {
    // not problem+json
  }
  return { jsonrpc: '2.0', id, error: { code: -32000 - (status % 1000), message: problem.detail ?? `HTTP ${status}`, data: problem } };
};

const protocolOf = (message: unknown): string | undefined => {
  const result = (message as { result?: { protocolVersion?: unknown } }).result;
  return typeof result?.protocolVersion === 'string' ? result.protocolVersion : undefined;
};

/**
 * `rustok mcp`: the MCP server over stdio, as a thin bridge. Each message from the client is sent
 * through the platform's own `/mcp/<surface>` route in-process (the same tenant resolution,
 * authentication, tool registry, rate limits and audit as over HTTP); the answer goes back on stdout.
 */
export const serveStdio = async (options: StdioOptions): Promise<{ readonly closed: Promise<void> }> => {
  // Loaded here: only `rustok mcp` needs it.
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const transport = new StdioServerTransport(options.input, options.output);
  let protocolVersion: string | undefined;
  const forward = async (message: JSONRPCMessage): Promise<void> => {
    const response = await options.app.inject({
      method: 'POST',
      url: `/mcp/${options.surface}${options.mode ? `?mode=${options.mode}` : ''}`,
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(protocolVersion ? { 'mcp-protocol-version': protocolVersion } : {}),
      },
      payload: JSON.stringify(message),
    });
    const id = idOf(message);
    if (response.statusCode === 202 || id === undefined) return;
    if (response.statusCode !== 200) return transport.send(refusal(id, response.statusCode, response.body));
    const answer = JSON.parse(response.body) as JSONRPCMessage;
    protocolVersion = protocolOf(answer) ?? protocolVersion;
    await transport.send(answer);
  };
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  transport.onmessage = (message) => {
    forward(message).catch((error: unknown) => transport.onerror?.(error instanceof Error ? error : new Error(String(error))));
  };
  await transport.start();
  // The client closing its end (stdin) ends the server.
  (options.input ?? process.stdin).once('end', () => {
    transport.close().catch(() => undefined);
  });
  return { closed };
};
