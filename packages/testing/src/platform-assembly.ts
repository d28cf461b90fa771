import type { createUser, OutboundMessages } from '@rustok/auth';
import type { Database } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import type { Config, ModuleDefinition, ModuleRegistry } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * What the kit needs of the server: the platform's own modules and the assembly of the running
 * parts over an open database. The kit does not import the server; the test setup registers it
 * (see the root vitest config), so the kit can boot any assembly with the same shape.
 */
export interface PlatformAssembly {
  readonly modules: readonly ModuleDefinition[];
  assemble(options: {
    readonly config: Config;
    readonly db: Database;
    readonly registry: ModuleRegistry;
    readonly logger: Logger;
    readonly version?: string;
    readonly outbound?: OutboundMessages;
    /** The storefront at `/`: its options (page cache, assets), or false for none. */
    readonly storefront?: false | Readonly<Record<string, unknown>>;
  }): Promise<{
    readonly app: FastifyInstance;
    readonly bus: EventBus;
    readonly access: { readonly auth: Omit<Parameters<typeof createUser>[0], 'tenantId'> };
  }>;
}

let loader: (() => Promise<PlatformAssembly>) | undefined;

/** Registers how to load the assembly; loaded on the first createTestPlatform of a test file. */
export const registerPlatformAssembly = (load: () => Promise<PlatformAssembly>): void => {
  loader = load;
};

export const loadPlatformAssembly = (): Promise<PlatformAssembly> => {
  if (!loader) throw new Error('No platform assembly is registered: call registerPlatformAssembly() in the test setup');
  return loader();
};
