import type { TenantRef } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';
import { mcpErrors } from './errors.js';

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const tenantOrigins = (tenant: TenantRef): readonly string[] => {
  const value = tenant.settings.allowedOrigins;
  return Array.isArray(value) ? value.filter((o): o is string => typeof o === 'string').map((o) => o.toLowerCase()) : [];
};

const hostOfOrigin = (origin: string): string | undefined => {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * DNS rebinding and cross-site calls: the Host header must be a well-formed host, and a request
 * that carries an Origin (a browser's) is served only when that origin is the endpoint's own, or
 * allowed deployment-wide (`server.cors.allowed_origins`) or by the tenant (`allowedOrigins`).
 * Assistants' hosts send no Origin.
 */
export const assertOriginAllowed = (request: FastifyRequest, tenant: TenantRef, deploymentOrigins: readonly string[]): void => {
  const host = request.headers.host ?? '';
  if (!HOST.test(host)) throw mcpErrors.MCP_ORIGIN_FORBIDDEN(`The Host header "${host.slice(0, 100)}" is not a host name`);
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const lower = origin.toLowerCase();
  if (hostOfOrigin(lower) === host.toLowerCase()) return;
  if (deploymentOrigins.map((o) => o.toLowerCase()).includes(lower) || tenantOrigins(tenant).includes(lower)) return;
  throw mcpErrors.MCP_ORIGIN_FORBIDDEN(`Origin ${origin.slice(0, 200)} may not call this MCP endpoint`);
};
