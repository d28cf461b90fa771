import { bootPlatform, type KernelOptions, type OpenOptions, type Platform } from './boot.js';
import { bootstrapDemoAdmin, bootstrapPlatformAdmin, type GeneratedAdmin } from './platform/admin.js';
import { seedDemo } from './seed.js';
import { settleMemory } from './settle-memory.js';

export type { GeneratedAdmin } from './platform/admin.js';

import { installShutdown, type ShutdownOptions } from './shutdown.js';
import { installTraceContext, startTracing, type Tracing } from './tracing.js';
import { VERSION } from './version.js';

export interface StartOptions extends KernelOptions, Pick<OpenOptions, 'embeddedImage'> {
  readonly migrate?: boolean;
  readonly seed?: boolean;
  readonly progress?: (line: string) => void;
  /** One full garbage collection before listening (the CLI's start), so start-up garbage is not kept resident. */
  readonly settleMemory?: boolean;
  /** Signals and exit function of the shutdown handler (tests pass their own). */
  readonly shutdown?: Pick<ShutdownOptions, 'exit' | 'signals'>;
}

/** Boot, migrate, seed demo data on first run (when enabled), listen, and shut down on signals. */
export interface RunningServer extends Platform {
  readonly address: string;
  readonly seeded: readonly string[];
  /** The administrator a first development start made up, if it did (its sign-in is printed once). */
  readonly generatedAdmin?: GeneratedAdmin;
  /** OpenTelemetry (`telemetry.*`): off unless an exporter is configured. */
  readonly tracing: Tracing;
  stop(): Promise<void>;
}

export const startServer = async (options: StartOptions = {}): Promise<RunningServer> => {
  const progress = options.progress ?? (() => {});
  installTraceContext();
  const platform = await bootPlatform({
    ...options,
    onMigrationProgress: ({ done, total, name }) => progress(`migrate [${done}/${total}] ${name}`),
  });
  const { config, app, db, registry, logger, bus } = platform;
  const tracing = await startTracing(config, { version: VERSION, logger });
  app.addHook('onClose', () => tracing.shutdown());
  await app.ready(); // default tenant, signing key, event bus
  const tenantId = platform.defaultTenant().id;
  const admin = await bootstrapPlatformAdmin(platform.access.auth, tenantId, options.env ?? process.env);
  if (admin) logger.info({ email: admin.email }, 'platform administrator created');
  let seeded: readonly string[] = [];
  let generatedAdmin: GeneratedAdmin | undefined;
  const demo = options.seed !== false && config.settings.rustok.features.demo_data;
  if (demo && !admin) generatedAdmin = await bootstrapDemoAdmin(platform.access.auth, tenantId);
  if (demo) {
    const report = await seedDemo({ db, registry, events: bus, logger }, tenantId, ({ done, total, name }) =>
      progress(`seed [${done}/${total}] ${name}`),
    );
    if (report.seeded.length > 0) logger.info({ seeded: report.seeded }, 'demo data seeded');
    seeded = report.seeded;
  }
  if (options.settleMemory) logger.debug(settleMemory(), 'start-up garbage collected');
  const stop = installShutdown(app, { timeoutMs: config.server.shutdown_timeout_ms, logger, ...options.shutdown });
  const address = await app.listen({ host: config.server.host, port: config.server.port });
  logger.info(
    {
      address,
      database: db.kind,
      environment: config.environment,
      roles: config.server.roles,
      modules: registry.modules.map((m) => m.slug),
    },
    'RusToK is ready',
  );
  if (generatedAdmin) {
    logger.warn(
      {
        url: `${address}/admin`,
        tenant: config.settings.rustok.tenant.default_slug,
        email: generatedAdmin.email,
        password: generatedAdmin.password,
      },
      'administrator created for this first start: sign in to the admin app with these (shown only now)',
    );
  }
  return { ...platform, address, seeded, tracing, stop, ...(generatedAdmin ? { generatedAdmin } : {}) };
};
