import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { PROCESS_ROLES } from './roles.js';

const obj = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false, default: {} });
const Url = Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null });

const EVENT_TRANSPORTS = ['memory', 'outbox', 'nats'] as const;
const TELEMETRY_EXPORTERS = ['none', 'otlp'] as const;
const TENANT_RESOLUTIONS = ['header', 'subdomain', 'host', 'default'] as const;
const PERSISTED_QUERY_MODES = ['apq', 'allowlist', 'off'] as const;

/** A deployment's name: a short slug, so it can prefix Redis keys and NATS subjects, streams and durables. */
const DEPLOYMENT_PATTERN = '^[a-z](?:[a-z0-9-]{0,30}[a-z0-9])?$';

/** A browser origin: scheme, host and optional port, lower case, no path (`https://shop.example.com`). */
export const ORIGIN_PATTERN =
  '^https?://(\\[[0-9a-f:.]+\\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:[0-9]{1,5})?$';
/** A proxy address or network in CIDR notation, or one of proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). */
const PROXY_PATTERN = '^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(/[0-9]{1,3})?)$';

const RUSTOK_PROPERTIES = {
  /** Name of this deployment among others sharing one Redis and one NATS; null = the unprefixed names. */
  deployment: Type.Union([Type.String({ pattern: DEPLOYMENT_PATTERN }), Type.Null()], { default: null }),
  tenant: obj({
    resolution: Type.Union(
      TENANT_RESOLUTIONS.map((v) => Type.Literal(v)),
      { default: 'header' },
    ),
    header_name: Type.String({ default: 'X-Tenant-ID', pattern: '^[A-Za-z0-9-]+$' }),
    default_slug: Type.String({ default: 'default' }),
    base_domain: Type.Union([Type.String(), Type.Null()], { default: null }),
    cache_ttl_ms: Type.Integer({ minimum: 0, default: 60_000 }),
    negative_cache_ttl_ms: Type.Integer({ minimum: 0, default: 5_000 }),
  }),
  features: obj({
    registration_enabled: Type.Boolean({ default: true }),
    email_verification: Type.Boolean({ default: false }),
    demo_data: Type.Boolean({ default: true }),
  }),
  rate_limit: obj({
    enabled: Type.Boolean({ default: true }),
    requests_per_minute: Type.Integer({ minimum: 1, default: 600 }),
    login_attempts_per_minute: Type.Integer({ minimum: 1, default: 10 }),
    mcp_tool_calls_per_minute: Type.Integer({ minimum: 1, default: 60 }),
    mcp_token_calls_per_minute: Type.Integer({ minimum: 1, default: 120 }),
  }),
  events: obj({
    transport: Type.Union(
      EVENT_TRANSPORTS.map((v) => Type.Literal(v)),
      { default: 'outbox' },
    ),
    memory_capacity: Type.Integer({ minimum: 1, default: 10_000 }),
    backpressure_warning: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.7 }),
    backpressure_critical: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.9 }),
    relay_batch_size: Type.Integer({ minimum: 1, default: 100 }),
    relay_poll_ms: Type.Integer({ minimum: 10, default: 1000 }),
    relay_linger_ms: Type.Integer({ minimum: 0, maximum: 1000, default: 5 }),
    max_attempts: Type.Integer({ minimum: 1, default: 8 }),
    relay_lease_ms: Type.Integer({ minimum: 100, default: 30_000 }),
    relay_concurrency: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
    backoff_base_ms: Type.Integer({ minimum: 1, default: 500 }),
    backoff_max_ms: Type.Integer({ minimum: 1, default: 300_000 }),
    lag_warning_seconds: Type.Number({ minimum: 0, default: 60 }),
    /** Dispatched events and their receipts are deleted once older than this (7 days); 0 keeps them forever. */
    retention_ms: Type.Integer({ minimum: 0, default: 604_800_000 }),
    /**
     * The outbox and its receipts are partitioned by event id into periods of this length (a UTC day);
     * retention drops a period once all of it has expired. Keep it well below the retention.
     */
    partition_ms: Type.Integer({ minimum: 60_000, maximum: 2_592_000_000, default: 86_400_000 }),
    nats_subject_root: Type.String({ pattern: '^[a-z][a-z0-9_]*$', default: 'rustok' }),
    /** How long a JetStream consumer holds an event it took before it is handed out again (its process died). */
    nats_ack_wait_ms: Type.Integer({ minimum: 1_000, maximum: 3_600_000, default: 30_000 }),
  }),
};

const RustokSettings = obj(RUSTOK_PROPERTIES);

const configProperties = <G extends TProperties>(groups: G) => ({
  server: obj({
    host: Type.String({ default: '0.0.0.0' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
    /** What this process runs (api, relay, consumers, jobs; see roles.ts): all four by default. */
    roles: Type.Array(Type.Union(PROCESS_ROLES.map((v) => Type.Literal(v))), {
      minItems: 1,
      maxItems: PROCESS_ROLES.length,
      uniqueItems: true,
      default: [...PROCESS_ROLES],
    }),
    /**
     * The event consumers this process runs when it has the `consumers` role: names (`index.products`)
     * or prefixes (`index.*`); empty: all. Needs the `nats` transport, where each consumer is a durable of its own.
     */
    consumers: Type.Array(Type.String({ pattern: '^(\\*|[a-z0-9_-]+(\\.[a-z0-9_-]+)*(\\.\\*)?)$', maxLength: 200 }), {
      maxItems: 100,
      uniqueItems: true,
      default: [],
    }),
    shutdown_timeout_ms: Type.Integer({ minimum: 0, default: 10_000 }),
    body_limit_bytes: Type.Integer({ minimum: 1024, default: 1_048_576 }),
    /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); none by default, so clients cannot spoof their address. */
    trust_proxy: Type.Array(Type.String({ pattern: PROXY_PATTERN, maxLength: 64 }), { maxItems: 100, default: [] }),
    /** Browser origins allowed on every route (platform API, admin), besides each tenant's own `allowedOrigins`. */
    cors: obj({
      allowed_origins: Type.Array(Type.String({ pattern: ORIGIN_PATTERN, maxLength: 300 }), { maxItems: 100, default: [] }),
    }),
    /** The storefront at `/`: its page cache (purged by the read models' writes) and how long tenant settings and menus are kept. */
    storefront: obj({
      enabled: Type.Boolean({ default: true }),
      page_cache: Type.Boolean({ default: true }),
      page_cache_ttl_ms: Type.Integer({ minimum: 1_000, default: 300_000 }),
      page_cache_max_bytes: Type.Integer({ minimum: 1_048_576, default: 67_108_864 }),
      site_ttl_ms: Type.Integer({ minimum: 100, default: 10_000 }),
    }),
  }),
  logger: obj({
    level: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((v) => Type.Literal(v)),
      { default: 'info' },
    ),
  }),
  database: obj({
    url: Url,
    data_dir: Type.String({ default: './data' }),
    pool_max: Type.Integer({ minimum: 1, maximum: 500, default: 25 }),
    /** Connections of the storefront's read pool (PostgreSQL): read-only, each keeping the tenant it last served. */
    read_pool_max: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
    /**
     * Connections of background work (PostgreSQL): the event relay and the consumers' transactions,
     * kept apart from the request pool so that requests waiting for a connection never hold up
     * the delivery of the events they wrote. Opened as needed.
     */
    background_pool_max: Type.Integer({ minimum: 1, maximum: 500, default: 8 }),
    /**
     * How long a pooled connection may stay idle before it is closed (PostgreSQL; every pool); 0 keeps
     * them open. Opening one starts a server process, and a burst that needs connections closed a moment
     * ago waits for those starts: pg's own 10 s made stalls of 100-300 ms under steady load.
     */
    pool_idle_ms: Type.Integer({ minimum: 0, default: 300_000 }),
    app_role: Type.String({ default: 'rustok_app', pattern: '^[a-z_][a-z0-9_]{0,62}$' }),
    statement_timeout_ms: Type.Integer({ minimum: 0, default: 30_000 }),
    /** Read replicas (PostgreSQL standbys of `url`'s server, same database): storefront reads go there. Ignored by the embedded database. */
    read_urls: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
    /** A replica further behind than this serves no reads until it has caught up. */
    replica_max_lag_ms: Type.Integer({ minimum: 0, default: 10_000 }),
    /** How often each replica's lag is measured (and a stopped one tried again). */
    replica_check_ms: Type.Integer({ minimum: 100, default: 1_000 }),
    /** After a write, the same client reads from the primary for this long (read-your-writes). */
    read_your_writes_ms: Type.Integer({ minimum: 0, default: 5_000 }),
    /** PostgreSQL's buffer cache of the embedded database (its files are still cached by the system). */
    embedded_shared_buffers_mb: Type.Integer({ minimum: 1, maximum: 65_536, default: 16 }),
  }),
  redis: obj({ url: Url }),
  nats: obj({ url: Url }),
  graphql: obj({
    max_depth: Type.Integer({ minimum: 1, default: 12 }),
    max_complexity: Type.Integer({ minimum: 1, default: 2000 }),
    graphiql: Type.Boolean({ default: false }),
    /** apq: automatic persisted queries; allowlist: only the queries of allowlist_file run; off. */
    persisted_queries: Type.Union(
      PERSISTED_QUERY_MODES.map((v) => Type.Literal(v)),
      { default: 'apq' },
    ),
    /** JSON: Apollo's persisted query manifest or { "<sha256>": "<query>" }; needed in allowlist mode. */
    allowlist_file: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null }),
    /** Queries the automatic persisted query registry keeps (per instance, least recently used dropped). */
    apq_cache_size: Type.Integer({ minimum: 1, maximum: 100_000, default: 1000 }),
  }),
  auth: obj({
    issuer: Type.String({ default: 'rustok' }),
    access_ttl_seconds: Type.Integer({ minimum: 30, default: 900 }),
    refresh_ttl_seconds: Type.Integer({ minimum: 60, default: 2_592_000 }),
    /** Failed logins of one account within lockout_window_seconds before it is locked for lockout_seconds. */
    lockout_threshold: Type.Integer({ minimum: 1, default: 5 }),
    lockout_window_seconds: Type.Integer({ minimum: 1, default: 900 }),
    lockout_seconds: Type.Integer({ minimum: 1, default: 900 }),
    /** Login attempts from one IP address per minute, whatever the account. */
    ip_attempts_per_minute: Type.Integer({ minimum: 1, default: 30 }),
    /** argon2id cost; the defaults follow OWASP (19 MiB, 2 passes). */
    argon2_memory_kib: Type.Integer({ minimum: 1024, default: 19_456 }),
    argon2_passes: Type.Integer({ minimum: 1, default: 2 }),
  }),
  /** OpenTelemetry traces. `none` starts no SDK; `otlp` exports spans over OTLP/HTTP (JSON). */
  telemetry: obj({
    exporter: Type.Union(
      TELEMETRY_EXPORTERS.map((v) => Type.Literal(v)),
      { default: 'none' },
    ),
    /** Traces endpoint (e.g. http://collector:4318/v1/traces); null = the exporter's default / OTEL_EXPORTER_OTLP_* variables. */
    otlp_endpoint: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()], { default: null }),
    service_name: Type.String({ minLength: 1, maxLength: 128, default: 'rustok' }),
    /** Share of new traces recorded (by trace id); an incoming traceparent's sampled flag is followed. */
    sample_ratio: Type.Number({ minimum: 0, maximum: 1, default: 1 }),
    /** Longest wait before a batch of finished spans is sent. */
    export_delay_ms: Type.Integer({ minimum: 1, maximum: 60_000, default: 5_000 }),
  }),
  settings: obj({
    // Groups of modules' options are validated when the loader is given the modules; a group no loaded
    // module declares (a module left out of this deployment) is kept unchecked.
    rustok: Type.Object({ ...RUSTOK_PROPERTIES, ...groups }, { additionalProperties: Type.Object({}), default: {} }),
  }),
});

/** The names of the groups under settings.rustok the platform itself owns (module options may not take them). */
export const PLATFORM_SETTINGS_GROUPS: readonly string[] = Object.keys(RUSTOK_PROPERTIES);

/** The configuration schema with modules' option groups added under settings.rustok. */
export const configSchemaWith = (groups: TProperties) => obj(configProperties(groups));

export const ConfigSchema = obj(configProperties({}));

export type Config = Static<typeof ConfigSchema>;
export type RustokSettings = Static<typeof RustokSettings>;
export type TelemetryConfig = Config['telemetry'];
