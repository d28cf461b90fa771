import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { ajv } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';

/**
 * The one JSON-RPC message the server answers without the SDK: a single `tools/call` request,
 * exactly as the SDK would take it (its schemas: a JSON-RPC 2.0 request, no other keys; an integer
 * id is a safe integer; `arguments` an object), with nothing in it the SDK would act on besides
 * (no task, no related task: of `_meta`, only a progress token, which this server never uses). Any
 * other message, and any request the SDK's transport would refuse, goes to the SDK.
 */
const SafeInteger = Type.Integer({ minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
const RequestId = Type.Union([Type.String(), SafeInteger]);

const ToolsCall = Type.Object(
  {
    jsonrpc: Type.Literal('2.0'),
    id: RequestId,
    method: Type.Literal('tools/call'),
    params: Type.Object(
      {
        name: Type.String(),
        arguments: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        _meta: Type.Optional(Type.Object({ progressToken: Type.Optional(RequestId) }, { additionalProperties: false })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type ToolsCallMessage = Static<typeof ToolsCall>;

const isToolsCall = ajv.compile<ToolsCallMessage>(ToolsCall);

/** What the SDK's transport would refuse (406, 415, 400) the SDK answers: only a plain JSON POST of a supported version is taken here. */
const JSON_TYPES = new Set(['application/json', 'application/json;charset=utf-8']);
const PROTOCOL_HEADER = 'mcp-protocol-version';

const headersFit = (request: FastifyRequest): boolean => {
  const { accept, 'content-type': type } = request.headers;
  if (typeof accept !== 'string' || !accept.includes('application/json') || !accept.includes('text/event-stream')) return false;
  if (typeof type !== 'string' || !JSON_TYPES.has(type.toLowerCase().replaceAll(' ', ''))) return false;
  const version = request.headers[PROTOCOL_HEADER];
  return version === undefined || (typeof version === 'string' && SUPPORTED_PROTOCOL_VERSIONS.includes(version));
};

/** The request's single `tools/call` message, when it is one the server answers itself (else undefined: the SDK's). */
export const toolsCallOf = (request: FastifyRequest): ToolsCallMessage | undefined => {
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !headersFit(request)) return undefined;
  return isToolsCall(body) ? body : undefined;
};
