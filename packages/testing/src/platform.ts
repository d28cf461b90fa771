import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser, issueAccessToken, loadKeyRing, type OutboundMessages } from '@rustok/auth';
import { openPostgres } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import {
  type Config,
  createRegistry,
  generateId,
  loadConfig,
  type ModuleDefinition,
  type ModuleRegistry,
  type TenantRef,
} from '@rustok/kernel';
import { insertTenant } from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { APP_ROLE, openTestDatabase, type TestBackend, type TestDatabase } from './databases.js';
import { loadPlatformAssembly } from './platform-assembly.js';

export { type PlatformAssembly, registerPlatformAssembly } from './platform-assembly.js';

/** The repository's own config/ folder: tests load the real files with the `test` environment. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONFIG_DIR = join(REPO_ROOT, 'config');

/** The `test` configuration with overrides and no environment variables leaking in. */
export const testConfig = (overrides: Record<string, unknown> = {}, modules: readonly ModuleDefinition[] = []): Config =>
  loadConfig({ dir: CONFIG_DIR, environment: 'test', env: {}, overrides, modules });

export interface TestPlatform {
  readonly app: FastifyInstance;
  readonly bus: EventBus;
  readonly database: TestDatabase;
  readonly registry: ModuleRegistry;
  readonly config: Config;
  readonly logger: Logger;
  /** The default tenant (created at boot). */
  defaultTenant(): Promise<TenantRef>;
  /** Creates a tenant through the platform tables, with no owner. */
  createTenant(slug: string, name?: string): Promise<TenantRef>;
  /** A user with these roles in the tenant, and a valid access token for it. */
  userWithToken(
    tenantId: string,
    roles: readonly string[],
    email?: string,
  ): Promise<{ userId: string; token: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  readonly backend: TestBackend;
  readonly modules?: readonly ModuleDefinition[];
  readonly config?: Record<string, unknown>;
  readonly logger?: Logger;
  /** Share another platform's database (a second server instance); it is not dropped by this one's close(). */
  readonly shareDatabaseOf?: TestPlatform;
  /** The outbound-message port of auth (e.g. createMemoryOutboundMessages() to read the tokens sent). */
  readonly outbound?: OutboundMessages;
  /** The storefront at `/` with these options (e.g. `{ assets: 'fresh' }`); none by default. */
  readonly storefront?: Readonly<Record<string, unknown>>;
  /**
   * Server URLs of standbys of the postgres backend's server (startStandby): the platform's database
   * reads from its copy on them, with the lag settings of the config (database.replica_*).
   */
  readonly readReplicas?: readonly string[];
}

/** A second pool on a shared PostgreSQL database (PGlite has a single owner and cannot be shared). */
const reopen = async (shared: TestDatabase): Promise<TestDatabase> => {
  if (!shared.url) throw new Error('shareDatabaseOf needs the postgres backend');
  const db = await openPostgres({ url: shared.url, appRole: APP_ROLE, poolMax: 5 });
  return { ...shared, db, cleanup: () => db.close() };
};

/** A migrated throw-away database and a ready (not listening) HTTP app over it. Use app.inject(). */
export const createTestPlatform = async (options: TestPlatformOptions): Promise<TestPlatform> => {
  const { assemble, modules: platformModules } = await loadPlatformAssembly();
  const registry = createRegistry([...platformModules, ...(options.modules ?? [])]);
  const config = testConfig(options.config, registry.modules);
  const logger = options.logger ?? pino({ level: 'silent' });
  const shared = options.shareDatabaseOf?.database;
  const replicas = options.readReplicas && {
    urls: options.readReplicas,
    maxLagMs: config.database.replica_max_lag_ms,
    checkMs: config.database.replica_check_ms,
  };
  const sharedBuffersMb = config.database.embedded_shared_buffers_mb;
  const database = shared ? await reopen(shared) : await openTestDatabase(options.backend, registry.modules, { replicas, sharedBuffersMb });
  const { app, bus, access } = await assemble({
    config,
    db: database.db,
    registry,
    logger,
    version: '0.0.0-test',
    outbound: options.outbound,
    storefront: options.storefront ?? false,
  });
  await app.ready();
  const db = database.db;
  const tenantBySlug = async (slug: string) => {
    const { rows } = await db.query<{ id: string; slug: string; name: string; is_active: boolean; settings: Record<string, unknown> }>(
      'SELECT id, slug, name, is_active, settings FROM tenants WHERE slug = $1',
      [slug],
    );
    const row = rows[0];
    if (!row) throw new Error(`no tenant ${slug}`);
    return { id: row.id, slug: row.slug, name: row.name, isActive: row.is_active, settings: row.settings };
  };
  return {
    app,
    bus,
    defaultTenant: () => tenantBySlug(config.settings.rustok.tenant.default_slug),
    async createTenant(slug, name = slug) {
      await db.transaction((tx) => insertTenant(tx, { name, slug }));
      return tenantBySlug(slug);
    },
    async userWithToken(tenantId, roles, email = `${roles.join('-') || 'user'}-${generateId().slice(-8)}@example.com`) {
      const user = await createUser({ ...access.auth, tenantId }, { email, password: 'correct horse battery', roles });
      const token = await issueAccessToken(await loadKeyRing(db), { userId: user.id, tenantId, roles }, config.auth);
      return { userId: user.id, token, headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenantId } };
    },
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
