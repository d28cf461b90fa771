import { type Config, kernelErrors, type McpSurface } from '@rustok/kernel';
import { type ExposureMode, serveStdio } from '@rustok/mcp';
import pino from 'pino';
import { bootPlatform } from '../boot.js';
import { createLogger } from '../logger.js';
import { failWith } from './output.js';

export interface McpCommandOptions {
  readonly tenant: string;
  readonly surface?: string;
  readonly mode?: string;
}

/** The environment variable the token comes from (never a flag: it would show in the process list). */
export const MCP_TOKEN_VARIABLE = 'RUSTOK_MCP_TOKEN';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** How the tenant is named on the forwarded requests, by the deployment's resolution mode. */
const tenantHeaders = (config: Config, slug: string): Record<string, string> => {
  const tenant = config.settings.rustok.tenant;
  if (tenant.resolution === 'header') return { [tenant.header_name.toLowerCase()]: slug };
  if ((tenant.resolution === 'subdomain' || tenant.resolution === 'host') && tenant.base_domain)
    return { host: `${slug}.${tenant.base_domain}` };
  return {};
};

const choice = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, flag: string): T => {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (!found) throw kernelErrors.CONFIG_INVALID(`${flag}: one of ${allowed.join(', ')} (got "${value}")`);
  return found;
};

/**
 * `rustok mcp --tenant <slug> [--surface admin|shop] [--mode direct|catalog]`: the MCP server over
 * stdio for one tenant, with the token in RUSTOK_MCP_TOKEN (admin by default when there is one, the
 * shop otherwise). Logs go to stderr: stdout carries the protocol only.
 */
export const mcpCommand = async (options: McpCommandOptions): Promise<void> => {
  try {
    if (!SLUG.test(options.tenant)) throw kernelErrors.CONFIG_INVALID(`--tenant: a tenant slug (got "${options.tenant}")`);
    const token = process.env[MCP_TOKEN_VARIABLE];
    const surface = choice<McpSurface>(options.surface, ['admin', 'shop'], token ? 'admin' : 'shop', '--surface');
    // Without --mode: the personal access token's own mode (direct for any other token).
    const mode = options.mode === undefined ? undefined : choice<ExposureMode>(options.mode, ['direct', 'catalog'], 'direct', '--mode');
    const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', pino.destination(2));
    const platform = await bootPlatform({ logger, adminApp: false, storefront: false });
    await platform.app.ready();
    const headers = { ...tenantHeaders(platform.config, options.tenant), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const { closed } = await serveStdio({ app: platform.app, surface, mode, headers });
    await closed;
    await platform.app.close();
  } catch (error) {
    failWith(error);
  }
};
