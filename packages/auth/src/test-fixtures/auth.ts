import type { Database } from '@rustok/db';
import { createEventBus, type EventBus, eventsModule } from '@rustok/events';
import { createRegistry, defineModule, generateId } from '@rustok/kernel';
import { openTestDatabase, type TestBackend, type TestDatabase, testConfig } from '@rustok/testing';
import pino from 'pino';
import { tenancyMigrations } from '../../../tenancy/src/migrations.js';
import type { AuthConfig, AuthContext, AuthFeatures } from '../context.js';
import { authEvents } from '../events.js';
import { createLoginLimiter } from '../limiter.js';
import { authMigrations } from '../migrations.js';
import { createClock } from './clock.js';

export const tenancyFixture = defineModule({
  slug: 'tenancy',
  name: 'Tenancy (fixture)',
  description: 'tenants table for auth tests',
  version: '0.0.0',
  kind: 'core',
  migrations: tenancyMigrations,
});

export const authFixture = defineModule({
  slug: 'auth',
  name: 'Auth (fixture)',
  description: 'auth tables and events',
  version: '0.0.0',
  kind: 'core',
  dependencies: ['tenancy'],
  migrations: authMigrations,
  events: { emits: authEvents },
});

export interface AuthFixture {
  readonly t: TestDatabase;
  readonly db: Database;
  readonly bus: EventBus;
  readonly config: AuthConfig;
  readonly clock: ReturnType<typeof createClock>;
  createTenant(slug: string): Promise<string>;
  /** A context for the tenant, with a limiter on the fixture's clock. */
  ctx(tenantId: string, overrides?: { features?: Partial<AuthFeatures>; config?: Partial<AuthConfig> }): AuthContext;
  close(): Promise<void>;
}

export const openAuth = async (backend: TestBackend): Promise<AuthFixture> => {
  const registry = createRegistry([eventsModule, tenancyFixture, authFixture]);
  const t = await openTestDatabase(backend, registry.modules);
  const full = testConfig();
  const logger = pino({ level: 'silent' });
  const bus = createEventBus({ settings: full.settings.rustok.events, db: t.db, modules: registry.modules, logger });
  const clock = createClock();
  const features: AuthFeatures = { registration_enabled: true, email_verification: false };
  return {
    t,
    db: t.db,
    bus,
    config: full.auth,
    clock,
    async createTenant(slug) {
      const id = generateId();
      await t.db.query('INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)', [id, slug, slug]);
      return id;
    },
    ctx(tenantId, overrides = {}) {
      const config = { ...full.auth, ...overrides.config };
      const limiter = createLoginLimiter({ config, now: clock.now });
      return { db: t.db, tenantId, config, features: { ...features, ...overrides.features }, limiter, logger, bus, now: clock.now };
    },
    async close() {
      await bus.stop();
      await t.cleanup();
    },
  };
};
