import { join } from 'node:path';
import { authModule } from '@rustok/auth';
import { type Database, type MigrationReport, type OpenDatabaseOptions, openDatabase } from '@rustok/db';
import { type EventBus, eventsModule } from '@rustok/events';
import {
  assertManifestMatches,
  type Config,
  type ConfigEnvironment,
  createRegistry,
  findProjectRoot,
  loadConfig,
  type ModuleDefinition,
  type ModuleRegistry,
  readManifest,
} from '@rustok/kernel';
import { mcpModule } from '@rustok/mcp';
import { tenancyModule } from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type Assembled, type AssembleOptions, assemble } from './assemble.js';
import { createLogger } from './logger.js';
import { builtInModules } from './modules.generated.js';
import { platformModule } from './platform/module.js';

export interface KernelOptions {
  /** Project root (config/, modules.toml, data/); found from the working directory by default. */
  readonly root?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly environment?: ConfigEnvironment;
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Modules to run instead of the built-in ones (tests); the manifest check then uses `manifestFile`. */
  readonly modules?: readonly ModuleDefinition[];
  readonly manifestFile?: string | false;
  readonly logger?: Logger;
  /** The admin app's build directory to serve at /admin (the workspace's by default); false serves none. */
  readonly adminApp?: string | false;
  /** The storefront at `/` (page cache and asset options); false serves none. */
  readonly storefront?: AssembleOptions['storefront'];
}

export interface Kernel {
  readonly root: string;
  readonly config: Config & { environment: ConfigEnvironment };
  readonly registry: ModuleRegistry;
  readonly logger: Logger;
}

/** Modules every deployment has, whatever modules.toml lists: the platform's own tables and routes. */
export const PLATFORM_MODULES: readonly ModuleDefinition[] = [eventsModule, tenancyModule, authModule, platformModule, mcpModule];

/** Config, manifest and registry: everything that must hold before anything is opened. */
export const loadKernel = (options: KernelOptions = {}): Kernel => {
  const root = options.root ?? findProjectRoot();
  const modules = options.modules ?? builtInModules;
  const config = loadConfig({
    dir: join(root, 'config'),
    env: options.env,
    environment: options.environment,
    overrides: options.overrides,
    modules: [...PLATFORM_MODULES, ...modules],
  });
  const registry = createRegistry([...PLATFORM_MODULES, ...modules]);
  if (options.manifestFile !== false) assertManifestMatches(readManifest(options.manifestFile ?? join(root, 'modules.toml')), modules);
  const logger = options.logger ?? createLogger(config.logger.level);
  return { root, config, registry, logger };
};

export interface OpenOptions {
  readonly migrate?: boolean;
  readonly inMemory?: boolean;
  readonly onMigrationProgress?: (event: { done: number; total: number; name: string }) => void;
  /** A migrated image to start a new embedded database from (tests): see OpenDatabaseOptions.embeddedImage. */
  readonly embeddedImage?: OpenDatabaseOptions['embeddedImage'];
}

export const openKernelDatabase = async (
  kernel: Kernel,
  options: OpenOptions = {},
): Promise<{ db: Database; migrations?: MigrationReport }> => {
  const opened = await openDatabase({
    config: kernel.config,
    root: kernel.root,
    migrate: options.migrate === false ? undefined : kernel.registry.modules,
    inMemory: options.inMemory,
    embeddedImage: options.embeddedImage,
    onMigrationProgress: options.onMigrationProgress,
    onReplicaChange: (status) =>
      kernel.logger[status.up ? 'info' : 'warn'](
        { replica: status.name, lagMs: status.lagMs },
        status.up ? 'read replica serves reads' : 'read replica left the reads (down or too far behind): they go to the primary',
      ),
  });
  return { db: opened.db, migrations: opened.migrations };
};

export interface Platform extends Kernel {
  readonly db: Database;
  readonly app: FastifyInstance;
  readonly bus: EventBus;
  readonly access: Assembled['access'];
  defaultTenant: Assembled['defaultTenant'];
  readonly migrations: MigrationReport | undefined;
}

/** Boots everything but does not listen: config, registry, database (migrated), HTTP app. */
export const bootPlatform = async (options: KernelOptions & OpenOptions = {}): Promise<Platform> => {
  const kernel = loadKernel(options);
  const { db, migrations } = await openKernelDatabase(kernel, options);
  try {
    const assembled = await assemble({
      config: kernel.config,
      db,
      registry: kernel.registry,
      logger: kernel.logger,
      ...(options.adminApp === undefined ? {} : { adminApp: options.adminApp }),
      ...(options.storefront === undefined ? {} : { storefront: options.storefront }),
    });
    return { ...kernel, db, ...assembled, migrations };
  } catch (error) {
    await db.close();
    throw error;
  }
};
