import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catchAppError } from '@rustok/testing/errors';
import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { envOverrides, loadConfig, resolveEnvironment } from './load.js';
import { moduleOptions } from './module-options.js';

const REPO_CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../config');

/** Every value when no file, variable or override sets anything. */
const DEFAULTS = {
  server: {
    host: '0.0.0.0',
    port: 3000,
    roles: ['api', 'relay', 'consumers', 'jobs'],
    consumers: [],
    shutdown_timeout_ms: 10_000,
    body_limit_bytes: 1_048_576,
    trust_proxy: [],
    cors: { allowed_origins: [] },
    storefront: { enabled: true, page_cache: true, page_cache_ttl_ms: 300_000, page_cache_max_bytes: 67_108_864, site_ttl_ms: 10_000 },
  },
  logger: { level: 'info' },
  database: {
    url: null,
    data_dir: './data',
    pool_max: 25,
    read_pool_max: 10,
    background_pool_max: 8,
    pool_idle_ms: 300_000,
    app_role: 'rustok_app',
    statement_timeout_ms: 30_000,
    embedded_shared_buffers_mb: 16,
    read_urls: [],
    replica_max_lag_ms: 10_000,
    replica_check_ms: 1_000,
    read_your_writes_ms: 5_000,
  },
  redis: { url: null },
  nats: { url: null },
  graphql: { max_depth: 12, max_complexity: 2000, graphiql: false, persisted_queries: 'apq', allowlist_file: null, apq_cache_size: 1000 },
  auth: {
    issuer: 'rustok',
    access_ttl_seconds: 900,
    refresh_ttl_seconds: 2_592_000,
    lockout_threshold: 5,
    lockout_window_seconds: 900,
    lockout_seconds: 900,
    ip_attempts_per_minute: 30,
    argon2_memory_kib: 19_456,
    argon2_passes: 2,
  },
  telemetry: { exporter: 'none', otlp_endpoint: null, service_name: 'rustok', sample_ratio: 1, export_delay_ms: 5_000 },
  settings: {
    rustok: {
      deployment: null,
      tenant: {
        resolution: 'header',
        header_name: 'X-Tenant-ID',
        default_slug: 'default',
        base_domain: null,
        cache_ttl_ms: 60_000,
        negative_cache_ttl_ms: 5_000,
      },
      features: { registration_enabled: true, email_verification: false, demo_data: true },
      rate_limit: {
        enabled: true,
        requests_per_minute: 600,
        login_attempts_per_minute: 10,
        mcp_tool_calls_per_minute: 60,
        mcp_token_calls_per_minute: 120,
      },
      events: {
        transport: 'outbox',
        memory_capacity: 10_000,
        backpressure_warning: 0.7,
        backpressure_critical: 0.9,
        relay_batch_size: 100,
        relay_poll_ms: 1000,
        relay_linger_ms: 5,
        max_attempts: 8,
        relay_lease_ms: 30_000,
        relay_concurrency: 4,
        backoff_base_ms: 500,
        backoff_max_ms: 300_000,
        lag_warning_seconds: 60,
        retention_ms: 604_800_000,
        partition_ms: 86_400_000,
        nats_subject_root: 'rustok',
        nats_ack_wait_ms: 30_000,
      },
    },
  },
};

let dir: string;
const write = (name: string, text: string) => writeFile(join(dir, name), text);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustok-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadConfig: files', () => {
  it('applies every default when there are no files', () => {
    expect(loadConfig({ dir, env: {} })).toEqual({ ...DEFAULTS, environment: 'development' });
  });

  it('applies defaults for the keys a file leaves out', async () => {
    await write('default.yaml', 'server:\n  port: 4000\n');
    const config = loadConfig({ dir, env: {} });
    expect(config.server).toEqual({ ...DEFAULTS.server, port: 4000 });
    expect(config.settings.rustok.events).toEqual(DEFAULTS.settings.rustok.events);
  });

  it('reads an empty or comment-only file as no values', async () => {
    await write('default.yaml', '');
    await write('development.yaml', '# nothing here\n');
    expect(loadConfig({ dir, env: {} })).toEqual({ ...DEFAULTS, environment: 'development' });
  });

  it('lets the environment file override default.yaml, keeping sibling keys', async () => {
    await write('default.yaml', 'server:\n  host: 10.0.0.1\n  port: 4000\nsettings:\n  rustok:\n    events:\n      relay_batch_size: 50\n');
    await write('production.yaml', 'server:\n  port: 5000\nsettings:\n  rustok:\n    events:\n      transport: memory\n');
    await write('development.yaml', 'server:\n  port: 6000\n');
    const config = loadConfig({ dir, environment: 'production', env: {} });
    expect(config.environment).toBe('production');
    expect(config.server.host).toBe('10.0.0.1');
    expect(config.server.port).toBe(5000);
    expect(config.settings.rustok.events).toEqual({ ...DEFAULTS.settings.rustok.events, transport: 'memory', relay_batch_size: 50 });
  });

  it('picks the environment from RUSTOK_ENV, then NODE_ENV, then development', async () => {
    await write('test.yaml', 'server:\n  port: 7001\n');
    await write('production.yaml', 'server:\n  port: 7002\n');
    expect(loadConfig({ dir, env: { RUSTOK_ENV: 'test', NODE_ENV: 'production' } }).server.port).toBe(7001);
    expect(loadConfig({ dir, env: { NODE_ENV: 'production' } }).server.port).toBe(7002);
    expect(loadConfig({ dir, env: {} }).server.port).toBe(3000);
    expect(loadConfig({ dir, environment: 'test', env: { RUSTOK_ENV: 'production' } }).environment).toBe('test');
  });

  it('rejects a file whose top level is not a mapping with CONFIG_INVALID', async () => {
    await write('default.yaml', '- server\n- port\n');
    const error = catchAppError(() => loadConfig({ dir, env: {} }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(`${join(dir, 'default.yaml')} must hold a mapping at its top level`);
  });

  it('rejects a file that is not YAML with CONFIG_INVALID naming the file', async () => {
    await write('development.yaml', 'server:\n  port: [3000\n');
    const error = catchAppError(() => loadConfig({ dir, env: {} }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message.startsWith(`${join(dir, 'development.yaml')} is not valid YAML: `)).toBe(true);
  });

  it('reports a bad value and an unknown key from a file without naming a variable', async () => {
    await write('default.yaml', 'server:\n  port: 70000\ndatabase:\n  pool_size: 5\n');
    const error = catchAppError(() => loadConfig({ dir, env: {} }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.errors).toEqual([
      { path: 'server.port', message: 'must be <= 65535 (got 70000)' },
      { path: 'database.pool_size', message: 'is not a known key' },
    ]);
    expect(error.message).toBe(
      'Invalid configuration:\n  server.port: must be <= 65535 (got 70000)\n  database.pool_size: is not a known key',
    );
  });
});

describe('loadConfig: environment variables', () => {
  it('DATABASE_URL, REDIS_URL, NATS_URL, PORT, RUSTOK_EVENT_TRANSPORT and LOG_LEVEL override the files', async () => {
    await write('default.yaml', 'server:\n  port: 4000\ndatabase:\n  url: postgres://file/db\nlogger:\n  level: warn\n');
    const config = loadConfig({
      dir,
      env: {
        DATABASE_URL: 'postgres://user:pass@db:5432/rustok',
        REDIS_URL: 'redis://cache:6379',
        NATS_URL: 'nats://bus:4222',
        PORT: '8080',
        RUSTOK_EVENT_TRANSPORT: 'nats',
        LOG_LEVEL: 'debug',
      },
    });
    expect(config.database.url).toBe('postgres://user:pass@db:5432/rustok');
    expect(config.redis.url).toBe('redis://cache:6379');
    expect(config.nats.url).toBe('nats://bus:4222');
    expect(config.server.port).toBe(8080);
    expect(config.settings.rustok.events.transport).toBe('nats');
    expect(config.logger.level).toBe('debug');
  });

  it('DATABASE_READ_URL gives one read replica or several (comma-separated), like database.read_urls in a file', async () => {
    await write('default.yaml', 'database:\n  read_urls: [postgres://file-replica/db]\n');
    expect(loadConfig({ dir, env: {} }).database.read_urls).toEqual(['postgres://file-replica/db']);
    const one = loadConfig({ dir, env: { DATABASE_READ_URL: 'postgres://r1:5432/rustok' } });
    expect(one.database.read_urls).toEqual(['postgres://r1:5432/rustok']);
    const two = loadConfig({ dir, env: { DATABASE_READ_URL: 'postgres://r1/rustok, postgres://r2/rustok,' } });
    expect(two.database.read_urls).toEqual(['postgres://r1/rustok', 'postgres://r2/rustok']);
    expect(two.database.read_your_writes_ms).toBe(5_000);
    expect(two.database.replica_max_lag_ms).toBe(10_000);
  });

  it('ignores empty and unrelated variables', async () => {
    await write('default.yaml', 'database:\n  url: postgres://file/db\n');
    const config = loadConfig({ dir, env: { DATABASE_URL: '', PORT: '', HOME: '/root', RUSTOK_SOMETHING: 'x', OTHER__KEY: '1' } });
    expect(config.database.url).toBe('postgres://file/db');
    expect(config.server.port).toBe(3000);
  });

  it('RUSTOK_SERVER__SHUTDOWN_TIMEOUT_MS=5000 becomes the number 5000', () => {
    const config = loadConfig({ dir, env: { RUSTOK_SERVER__SHUTDOWN_TIMEOUT_MS: '5000' } });
    expect(config.server.shutdown_timeout_ms).toBe(5000);
    expect(typeof config.server.shutdown_timeout_ms).toBe('number');
  });

  it('reads generic RUSTOK_A__B__C variables as YAML scalars at any depth', () => {
    const config = loadConfig({
      dir,
      env: {
        RUSTOK_GRAPHQL__GRAPHIQL: 'true',
        RUSTOK_SETTINGS__RUSTOK__TENANT__DEFAULT_SLUG: 'shop',
        RUSTOK_SETTINGS__RUSTOK__EVENTS__BACKPRESSURE_WARNING: '0.5',
        RUSTOK_DATABASE__URL: 'postgres://u:p@h:5432/db',
        RUSTOK_SETTINGS__RUSTOK__TENANT__BASE_DOMAIN: 'null',
      },
    });
    expect(config.graphql.graphiql).toBe(true);
    expect(config.settings.rustok.tenant.default_slug).toBe('shop');
    expect(config.settings.rustok.events.backpressure_warning).toBe(0.5);
    expect(config.database.url).toBe('postgres://u:p@h:5432/db');
    expect(config.settings.rustok.tenant.base_domain).toBeNull();
  });

  it('keeps a generic value that is not valid YAML as a string', () => {
    expect(loadConfig({ dir, env: { RUSTOK_SERVER__HOST: '[::1' } }).server.host).toBe('[::1');
  });

  it('RUSTOK_EVENT_TRANSPORT=kafka fails with CONFIG_INVALID naming the key, the allowed values and the variable', () => {
    const error = catchAppError(() => loadConfig({ dir, env: { RUSTOK_EVENT_TRANSPORT: 'kafka' } }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.status).toBe(500);
    const message = 'must be one of memory, outbox, nats (got "kafka") (from RUSTOK_EVENT_TRANSPORT)';
    expect(error.errors).toEqual([{ path: 'settings.rustok.events.transport', message }]);
    expect(error.message).toBe(`Invalid configuration:\n  settings.rustok.events.transport: ${message}`);
  });

  it('reports a bad port, an unknown key and a bad transport together in one throw', () => {
    const error = catchAppError(() =>
      loadConfig({ dir, env: { PORT: 'http', RUSTOK_SERVER__BOGUS: '1', RUSTOK_EVENT_TRANSPORT: 'kafka' } }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    const expected = [
      { path: 'server.port', message: 'must be integer (got "http") (from PORT)' },
      { path: 'server.bogus', message: 'is not a known key (from RUSTOK_SERVER__BOGUS)' },
      {
        path: 'settings.rustok.events.transport',
        message: 'must be one of memory, outbox, nats (got "kafka") (from RUSTOK_EVENT_TRANSPORT)',
      },
    ];
    expect(error.errors).toHaveLength(3);
    expect(error.errors).toEqual(expect.arrayContaining(expected));
    for (const { path, message } of expected) expect(error.message).toContain(`\n  ${path}: ${message}`);
  });

  it('rejects an unknown RUSTOK_ENV with CONFIG_INVALID', () => {
    const error = catchAppError(() => loadConfig({ dir, env: { RUSTOK_ENV: 'staging' } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('RUSTOK_ENV/NODE_ENV "staging" is not one of development, production, test');
  });
});

describe('loadConfig: telemetry', () => {
  it('exports no traces by default and takes an OTLP exporter from a variable', () => {
    expect(loadConfig({ dir, env: {} }).telemetry.exporter).toBe('none');
    const config = loadConfig({
      dir,
      env: { RUSTOK_TELEMETRY__EXPORTER: 'otlp', RUSTOK_TELEMETRY__OTLP_ENDPOINT: 'http://collector:4318/v1/traces' },
    });
    expect(config.telemetry).toMatchObject({ exporter: 'otlp', otlp_endpoint: 'http://collector:4318/v1/traces', sample_ratio: 1 });
  });

  it('rejects an unknown exporter, a ratio above 1 and an endpoint that is not a URL', () => {
    const error = catchAppError(() =>
      loadConfig({ dir, env: {}, overrides: { telemetry: { exporter: 'jaeger', sample_ratio: 2, otlp_endpoint: 'collector:4318' } } }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.errors?.map((e) => e.path).sort()).toEqual(['telemetry.exporter', 'telemetry.otlp_endpoint', 'telemetry.sample_ratio']);
  });
});

describe('loadConfig: overrides', () => {
  it('applies overrides after files and variables', async () => {
    await write('default.yaml', 'server:\n  port: 4000\n');
    const config = loadConfig({ dir, env: { PORT: '5000' }, overrides: { server: { port: 6000 }, graphql: { graphiql: true } } });
    expect(config.server.port).toBe(6000);
    expect(config.graphql.graphiql).toBe(true);
  });

  it('validates overrides too', () => {
    const error = catchAppError(() => loadConfig({ dir, env: {}, overrides: { logger: { level: 'loud' } } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.errors).toEqual([
      { path: 'logger.level', message: 'must be one of fatal, error, warn, info, debug, trace, silent (got "loud")' },
    ]);
  });

  it('does not write defaults into the caller’s overrides object', () => {
    const overrides = { settings: { rustok: { events: { transport: 'memory' } } } };
    const config = loadConfig({ dir, env: {}, overrides });
    expect(config.settings.rustok.events.memory_capacity).toBe(10_000);
    expect(overrides).toEqual({ settings: { rustok: { events: { transport: 'memory' } } } });
  });
});

describe('loadConfig: the repository config/ folder', () => {
  it('loads for development', () => {
    const config = loadConfig({ dir: REPO_CONFIG, environment: 'development', env: {} });
    expect(config.environment).toBe('development');
    expect(config.graphql.graphiql).toBe(true);
    expect(config.settings.rustok.events.transport).toBe('outbox');
  });

  it('loads for production', () => {
    const config = loadConfig({ dir: REPO_CONFIG, environment: 'production', env: {} });
    expect(config.environment).toBe('production');
    // No proxy is trusted until the operator lists one: X-Forwarded-For cannot be spoofed.
    expect(config.server.trust_proxy).toEqual([]);
    expect(config.settings.rustok.features.demo_data).toBe(false);
  });

  it('loads for test', () => {
    const config = loadConfig({ dir: REPO_CONFIG, env: { RUSTOK_ENV: 'test' } });
    expect(config.environment).toBe('test');
    expect(config.logger.level).toBe('silent');
    expect(config.server.port).toBe(0);
    expect(config.server.shutdown_timeout_ms).toBe(5000);
  });

  it('takes variable overrides on top of the real files', () => {
    const config = loadConfig({ dir: REPO_CONFIG, env: { RUSTOK_ENV: 'production', PORT: '9000', DATABASE_URL: 'postgres://x/y' } });
    expect(config.server.port).toBe(9000);
    expect(config.database.url).toBe('postgres://x/y');
  });
});

describe('envOverrides', () => {
  it('builds a tree and records which variable set each key', () => {
    const { tree, sources } = envOverrides({ PORT: '8080', RUSTOK_SERVER__HOST: '127.0.0.1', RUSTOK_ENV: 'test', UNSET: undefined });
    expect(tree).toEqual({ server: { port: 8080, host: '127.0.0.1' } });
    expect(Object.fromEntries(sources)).toEqual({ 'server.port': 'PORT', 'server.host': 'RUSTOK_SERVER__HOST' });
  });

  it('keeps a PORT that is not digits as a string for validation to report', () => {
    expect(envOverrides({ PORT: '80a' }).tree).toEqual({ server: { port: '80a' } });
  });
});

describe('resolveEnvironment', () => {
  it('prefers RUSTOK_ENV, then NODE_ENV, then development', () => {
    expect(resolveEnvironment({ RUSTOK_ENV: 'production', NODE_ENV: 'test' })).toBe('production');
    expect(resolveEnvironment({ NODE_ENV: 'test' })).toBe('test');
    expect(resolveEnvironment({})).toBe('development');
  });

  it('rejects an unknown name with CONFIG_INVALID', () => {
    const error = catchAppError(() => resolveEnvironment({ NODE_ENV: 'staging' }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('RUSTOK_ENV/NODE_ENV "staging" is not one of development, production, test');
  });
});

describe('loadConfig: trusted proxies and CORS origins', () => {
  it('reads trusted proxies from a variable as a YAML list', () => {
    const config = loadConfig({
      dir: REPO_CONFIG,
      env: { RUSTOK_ENV: 'production', RUSTOK_SERVER__TRUST_PROXY: '[10.0.0.0/8, 127.0.0.1, loopback]' },
    });
    expect(config.server.trust_proxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback']);
  });

  it('refuses the old "trust every proxy" switch and malformed entries, naming the key', () => {
    const everyProxy = catchAppError(() =>
      loadConfig({ dir: REPO_CONFIG, env: { RUSTOK_ENV: 'test', RUSTOK_SERVER__TRUST_PROXY: 'true' } }),
    );
    expect(everyProxy.code).toBe('CONFIG_INVALID');
    expect(everyProxy.errors.map((e) => e.path)).toEqual(['server.trust_proxy']);
    const overrides = {
      server: { trust_proxy: ['10.0.0.0/8; rm -rf'], cors: { allowed_origins: ['https://shop.example.com/path', '*'] } },
    };
    const bad = catchAppError(() => loadConfig({ dir: REPO_CONFIG, env: { RUSTOK_ENV: 'test' }, overrides }));
    expect(bad.errors.map((e) => e.path).sort()).toEqual([
      'server.cors.allowed_origins.0',
      'server.cors.allowed_origins.1',
      'server.trust_proxy.0',
    ]);
  });
});

describe('loadConfig: options of modules', () => {
  const shop = {
    slug: 'shop',
    options: Type.Object({
      shop: Type.Object(
        { page_size: Type.Integer({ minimum: 1, default: 20 }), currency: Type.String({ default: 'USD' }) },
        { additionalProperties: false, default: {} },
      ),
    }),
  };

  it('validates a module group under settings.rustok with the rest, from files and variables, defaults applied', async () => {
    await write('default.yaml', 'settings:\n  rustok:\n    shop:\n      currency: EUR\n');
    const config = loadConfig({ dir, env: { RUSTOK_SETTINGS__RUSTOK__SHOP__PAGE_SIZE: '50' }, modules: [shop] });
    expect(moduleOptions(config, shop.options)).toEqual({ shop: { page_size: 50, currency: 'EUR' } });
    expect(moduleOptions(loadConfig({ dir, env: {}, modules: [shop] }), shop.options).shop.page_size).toBe(20);
  });

  it('reports a bad value or an unknown key in a module group with the other problems, naming the variable', () => {
    const error = catchAppError(() =>
      loadConfig({
        dir,
        env: { RUSTOK_SETTINGS__RUSTOK__SHOP__PAGE_SIZE: '0', PORT: '70000' },
        overrides: { settings: { rustok: { shop: { colour: 'red' } } } },
        modules: [shop],
      }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.errors?.map((e) => e.path).sort()).toEqual([
      'server.port',
      'settings.rustok.shop.colour',
      'settings.rustok.shop.page_size',
    ]);
    expect(error.message).toContain('(from RUSTOK_SETTINGS__RUSTOK__SHOP__PAGE_SIZE)');
  });

  it('keeps a group no loaded module declares unchecked, and validates it when read as options', async () => {
    await write('default.yaml', 'settings:\n  rustok:\n    shop:\n      page_size: 0\n');
    const config = loadConfig({ dir, env: {} });
    expect(catchAppError(() => moduleOptions(config, shop.options)).code).toBe('CONFIG_INVALID');
  });

  it('refuses a module group that the platform or another module already has', () => {
    const events = { slug: 'relay', options: Type.Object({ events: Type.Object({}) }) };
    expect(catchAppError(() => loadConfig({ dir, env: {}, modules: [events] })).code).toBe('KERNEL_MODULE_INVALID');
    expect(catchAppError(() => loadConfig({ dir, env: {}, modules: [shop, { ...shop, slug: 'shop2' }] })).message).toContain(
      'already belongs to shop',
    );
  });
});
