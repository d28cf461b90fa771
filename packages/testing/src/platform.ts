import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventBus } from '@rustok/events';
import { type Config, createRegistry, loadConfig, type ModuleDefinition, type ModuleRegistry } from '@rustok/kernel';
import { assemble, PLATFORM_MODULES } from '@rustok/server';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { openTestDatabase, type TestBackend, type TestDatabase } from './databases.js';

/** The repository's own config/ folder: tests load the real files with the `test` environment. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONFIG_DIR = join(REPO_ROOT, 'config');

/** The `test` configuration with overrides and no environment variables leaking in. */
export const testConfig = (overrides: Record<string, unknown> = {}): Config =>
  loadConfig({ dir: CONFIG_DIR, environment: 'test', env: {}, overrides });

export interface TestPlatform {
  readonly app: FastifyInstance;
  readonly bus: EventBus;
  readonly database: TestDatabase;
  readonly registry: ModuleRegistry;
  readonly config: Config;
  readonly logger: Logger;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  readonly backend: TestBackend;
  readonly modules?: readonly ModuleDefinition[];
  readonly config?: Record<string, unknown>;
  readonly logger?: Logger;
}

/** A migrated throw-away database and a ready (not listening) HTTP app over it. Use app.inject(). */
export const createTestPlatform = async (options: TestPlatformOptions): Promise<TestPlatform> => {
  const registry = createRegistry([...PLATFORM_MODULES, ...(options.modules ?? [])]);
  const config = testConfig(options.config);
  const logger = options.logger ?? pino({ level: 'silent' });
  const database = await openTestDatabase(options.backend, registry.modules);
  const { app, bus } = await assemble({ config, db: database.db, registry, logger, version: '0.0.0-test' });
  await app.ready();
  return {
    app,
    bus,
    database,
    registry,
    config,
    logger,
    async close() {
      await app.close(); // stops the bus and closes the database
      await database.cleanup();
    },
  };
};
