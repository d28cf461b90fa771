import type { McpSurface } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';

/** Where the endpoint's OAuth protected-resource metadata (RFC 9728) is, on the host the client used. */
export const metadataUrl = (request: FastifyRequest, surface: McpSurface): string =>
  `${request.protocol}://${request.host}/.well-known/oauth-protected-resource/mcp/${surface}`;

/** `WWW-Authenticate` of a 401 from an MCP endpoint: how a standard client finds out where to get a token. */
export const bearerChallenge = (request: FastifyRequest, surface: McpSurface): string =>
  `Bearer resource_metadata="${metadataUrl(request, surface)}"`;

/**
 * The metadata document: the resource (the endpoint's URL) and how tokens travel. The tenant's
 * access tokens (`POST /api/v1/auth/login`) are accepted; no authorization server is advertised yet.
 */
export const resourceMetadata = (request: FastifyRequest, surface: McpSurface, tenantName: string) => ({
  resource: `${request.protocol}://${request.host}/mcp/${surface}`,
  resource_name: `${tenantName} (${surface === 'admin' ? 'administration' : 'shop'})`,
  bearer_methods_supported: ['header'],
  resource_documentation: `${request.protocol}://${request.host}/swagger`,
});
