import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createMcpServer, type McpRequestScope } from './server.js';

/**
 * The SDK's part of one HTTP request (this file and server.ts are where the v1 SDK's server is
 * used: moving to the v2 packages is a change here). Loaded when the routes are registered, so
 * commands that do not serve HTTP do not load the SDK.
 */

const webRequest = (request: FastifyRequest): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(`http://${request.host}${request.url}`, { method: 'POST', headers });
};

const send = async (reply: FastifyReply, response: Response): Promise<FastifyReply> => {
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    reply.header(name, value);
  });
  const body = await response.text();
  return reply.send(body === '' ? undefined : body);
};

/** One stateless exchange: a fresh server and transport for this request only, JSON answers, closed after. */
export const exchange = async (request: FastifyRequest, reply: FastifyReply, scope: McpRequestScope): Promise<FastifyReply> => {
  const server = createMcpServer(scope);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  try {
    await server.connect(transport);
    return await send(reply, await transport.handleRequest(webRequest(request), { parsedBody: request.body }));
  } finally {
    await server.close();
  }
};
