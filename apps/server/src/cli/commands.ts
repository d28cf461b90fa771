import { bootPlatform, loadKernel, openKernelDatabase } from '../boot.js';
import { seedDemo } from '../seed.js';
import { settleEvents } from '../settle-events.js';
import { progressLine, table } from './output.js';

export const migrate = async (): Promise<void> => {
  const kernel = loadKernel();
  const { db, migrations } = await openKernelDatabase(kernel, {
    onMigrationProgress: ({ done, total, name }) => progressLine(`migrate [${done}/${total}] ${name}`),
  });
  await db.close();
  process.stdout.write(`migrations: ${migrations?.applied.length ?? 0} applied, ${migrations?.alreadyApplied ?? 0} already applied\n`);
};

export const seed = async (options: { demo?: boolean }): Promise<void> => {
  if (!options.demo) {
    process.stderr.write('nothing to seed: pass --demo\n');
    process.exitCode = 2;
    return;
  }
  const platform = await bootPlatform({ migrate: false });
  try {
    await platform.app.ready();
    const { db, registry, bus, logger } = platform;
    const report = await seedDemo({ db, registry, events: bus, logger }, platform.defaultTenant().id, ({ done, total, name }) =>
      progressLine(`seed [${done}/${total}] ${name}`),
    );
    // The demo data's events reach the read models (the storefront index) before the app closes.
    const waiting = await settleEvents(bus, db);
    if (waiting > 0) progressLine(`${waiting} events still in the outbox: they are delivered on the next start`);
    process.stdout.write(`demo data: seeded [${report.seeded.join(', ')}], already present [${report.skipped.join(', ')}]\n`);
  } finally {
    await platform.app.close();
  }
};

export const modulesList = (): void => {
  const { registry } = loadKernel({ overrides: { logger: { level: 'silent' } } });
  const rows = registry.modules.map((m) => [m.slug, m.kind, m.version, m.dependencies.join(',') || '-', m.name]);
  process.stdout.write(`${table([['SLUG', 'KIND', 'VERSION', 'DEPENDS ON', 'NAME'], ...rows])}\n`);
  if (rows.length === 0) process.stdout.write('(no modules are listed in modules.toml)\n');
};

export const configCheck = (): void => {
  const { config, registry } = loadKernel({ overrides: { logger: { level: 'silent' } } });
  const database = config.database.url ? `postgresql (${new URL(config.database.url).host})` : `embedded (${config.database.data_dir})`;
  process.stdout.write(
    [
      'configuration is valid',
      `  environment:      ${config.environment}`,
      `  listen:           ${config.server.host}:${config.server.port}`,
      `  roles:            ${config.server.roles.join(', ')}`,
      `  database:         ${database}`,
      `  redis:            ${config.redis.url ? 'configured' : 'not configured (in-process cache only)'}`,
      `  nats:             ${config.nats.url ? 'configured' : 'not configured'}`,
      `  deployment:       ${config.settings.rustok.deployment ?? '(none: unprefixed Redis keys and NATS names)'}`,
      `  event transport:  ${config.settings.rustok.events.transport}`,
      `  tenant resolution: ${config.settings.rustok.tenant.resolution}`,
      `  modules:          ${registry.modules.map((m) => m.slug).join(', ') || '(none)'}`,
      '',
    ].join('\n'),
  );
};
