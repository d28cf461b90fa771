import type {} from '@rustok/api';
import { kernelErrors, type McpSurface, type TenantRef } from '@rustok/kernel';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { auditWriterOf } from './audit/batch.js';
import type { AuditWrite } from './call.js';
import { mcpErrors } from './errors.js';
import { tokenLimiter, toolLimiter } from './limit.js';
import { EXPOSURE_MODES, type ExposureMode } from './modes.js';
import { assertOriginAllowed } from './origin.js';
import { rpcParseErrors } from './parse-error.js';
import type { ToolRegistry } from './registry.js';
import { bearerChallenge, resourceMetadata } from './well-known.js';

export interface McpHttpOptions {
  readonly registry: ToolRegistry;
  readonly version: string;
  /** Browser origins allowed deployment-wide (`server.cors.allowed_origins`). */
  readonly allowedOrigins: readonly string[];
  /** Whether a module is on for a tenant (core modules always are). */
  readonly moduleEnabled: (tenantId: string, slug: string) => Promise<boolean>;
  /** Calls of one tool by one caller per minute. */
  readonly toolCallsPerMinute: number;
  /** Calls of any tool with one personal access token per minute. */
  readonly tokenCallsPerMinute: number;
}

const SURFACES: readonly McpSurface[] = ['shop', 'admin'];
const MODE_HEADER = 'x-mcp-mode';

const tenantOf = (request: FastifyRequest): TenantRef => {
  if (!request.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return request.tenant;
};

/**
 * `?mode=catalog` or `X-MCP-Mode: catalog` when the request chooses; otherwise the mode of the
 * personal access token, else direct. Both modes reach the same permitted tools, so a request may
 * override its token's mode either way.
 */
const modeOf = (request: FastifyRequest): ExposureMode => {
  const query = (request.query as Record<string, unknown> | undefined)?.mode;
  const wanted = typeof query === 'string' ? query : request.headers[MODE_HEADER];
  return EXPOSURE_MODES.find((m) => m === wanted) ?? request.principal?.accessToken?.mcpMode ?? 'direct';
};

type Limits = { readonly tool: ReturnType<typeof toolLimiter>; readonly token: ReturnType<typeof tokenLimiter> };

/** The admin endpoint serves staff only: a token whose roles are not just `customer`. */
const assertCaller = (request: FastifyRequest, surface: McpSurface): void => {
  if (surface !== 'admin') return;
  const principal = request.principal;
  if (!principal) throw kernelErrors.AUTH_REQUIRED('The admin MCP endpoint needs a staff access token');
  if (!principal.roles.some((r) => r !== 'customer')) throw mcpErrors.MCP_STAFF_REQUIRED('A customer token cannot use the admin endpoint');
};

/** What answers a request once its caller is checked: the SDK's exchange, or a tools/call answered directly. */
interface Answering {
  readonly exchange: typeof import('./exchange.js')['exchange'];
  readonly answerToolsCall: typeof import('./direct.js')['answerToolsCall'];
}

interface Serving {
  /**
   * Loaded with the first MCP request, not at start: the SDK and its schema library take ~9 MB of
   * heap, which a server that is never asked over MCP should not carry.
   */
  readonly answering: () => Promise<Answering>;
  readonly limits: Limits;
  readonly audit: AuditWrite;
}

const loadAnswering = async (): Promise<Answering> => {
  const [{ exchange }, { answerToolsCall }] = await Promise.all([import('./exchange.js'), import('./direct.js')]);
  return { exchange, answerToolsCall };
};

/** POST /mcp/<surface>: the caller checked, then a single tools/call answered directly, or else one stateless exchange. */
const handle = (options: McpHttpOptions, surface: McpSurface, serving: Serving) => async (request: FastifyRequest, reply: FastifyReply) => {
  const tenant = tenantOf(request);
  assertOriginAllowed(request, tenant, options.allowedOrigins);
  assertCaller(request, surface);
  const ctx = { app: request.server, tenant, principal: request.principal, requestId: String(request.id) };
  const limit = async (tool: string) => {
    await serving.limits.token(request);
    await serving.limits.tool(request, tool);
  };
  const scope = {
    registry: options.registry,
    audience: { surface, principal: request.principal, moduleEnabled: (slug: string) => options.moduleEnabled(tenant.id, slug) },
    env: { ctx, surface, clientName: request.headers['user-agent'] ?? null, logger: request.log, limit, audit: serving.audit },
    mode: modeOf(request),
    version: options.version,
  };
  const { answerToolsCall, exchange } = await serving.answering();
  if (await answerToolsCall(request, reply, scope)) return reply;
  return exchange(request, reply, scope);
};

const notAllowed = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('allow', 'POST');
  throw mcpErrors.MCP_METHOD_NOT_ALLOWED('The MCP endpoints are stateless: POST only');
};

/**
 * The MCP endpoints: `POST /mcp/shop` (anonymous or customer token) and `POST /mcp/admin` (staff
 * token), each request tenant-resolved and authenticated by the platform's pipeline like any API
 * request; their OAuth protected-resource metadata; a 401 from them names it in WWW-Authenticate.
 */
export const mcpHttpRoutes =
  (options: McpHttpOptions): FastifyPluginAsync =>
  async (app) => {
    // Audit rows are written in the background; from shutdown on, calls wait for theirs, and the
    // rows queued before are written first, while the database is open.
    const auditWriter = auditWriterOf(app.rustok.db, app.log);
    app.addHook('preClose', async () => {
      await auditWriter.close();
    });
    let answering: Promise<Answering> | undefined;
    const serving: Serving = {
      answering: () => {
        answering ??= loadAnswering();
        return answering;
      },
      limits: { tool: toolLimiter(app, options.toolCallsPerMinute), token: tokenLimiter(app, options.tokenCallsPerMinute) },
      audit: auditWriter.write,
    };
    const open = { access: { public: true } };
    for (const surface of SURFACES) {
      const url = `/mcp/${surface}`;
      app.post(url, { config: open, schema: { hide: true }, errorHandler: rpcParseErrors }, handle(options, surface, serving));
      app.route({ method: ['GET', 'DELETE'], url, config: open, schema: { hide: true }, handler: notAllowed });
      app.get(
        `/.well-known/oauth-protected-resource/mcp/${surface}`,
        { config: open, schema: { tags: ['mcp'], summary: `OAuth protected-resource metadata (RFC 9728) of /mcp/${surface}` } },
        async (request) => resourceMetadata(request, surface, tenantOf(request).name),
      );
    }
    app.addHook('onSend', async (request, reply, payload) => {
      const surface = SURFACES.find((s) => request.url.split('?')[0] === `/mcp/${s}`);
      if (surface && reply.statusCode === 401) reply.header('www-authenticate', bearerChallenge(request, surface));
      return payload;
    });
  };
