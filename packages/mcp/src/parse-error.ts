import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const NOT_JSON = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY']);

/**
 * The MCP endpoints' error handler: a body that is not JSON gets JSON-RPC's parse error (-32700,
 * id null) as MCP clients expect, instead of the API's problem document; every other error goes on
 * to the platform's handler (problem+json) unchanged.
 */
export const rpcParseErrors = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
  if (!NOT_JSON.has(error.code)) throw error;
  return reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: the request body is not valid JSON' } });
};
