import { type Config, moduleOptions } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

const int = (minimum: number, maximum: number, defaultValue: number) => Type.Integer({ minimum, maximum, default: defaultValue });

/** The budget of one run (each a ceiling; see @rustok/sandbox's limits). */
const LimitsSchema = Type.Object(
  {
    cpu_ms: int(1, 10_000, 50),
    wall_ms: int(10, 60_000, 2_000),
    memory_bytes: int(1_048_576, 1_073_741_824, 16 * 1_048_576),
    stack_bytes: int(16_384, 8_388_608, 256 * 1_024),
    /** Host calls of one run (kv, emit, api, http together). */
    max_calls: int(1, 10_000, 100),
    /** Outbound HTTP requests of one run (`ctx.http.fetch`), counted within `max_calls`. */
    max_http_calls: int(0, 100, 5),
    http_timeout_ms: int(100, 30_000, 5_000),
  },
  { additionalProperties: false, default: {} },
);

/**
 * Validate hooks run inside the write's request, on their own worker threads (so queued runs never
 * hold a write up): `cpu_ms` is a hook's time in the VM, `wall_ms` its whole run on a worker.
 */
const ValidateSchema = Type.Object(
  {
    workers: int(1, 16, 1),
    cpu_ms: int(1, 1_000, 20),
    wall_ms: int(5, 10_000, 200),
    memory_bytes: int(1_048_576, 268_435_456, 8 * 1_048_576),
  },
  { additionalProperties: false, default: {} },
);

/**
 * The deployment's scripting settings: `settings.rustok.scripting` in the config files
 * (RUSTOK_SETTINGS__RUSTOK__SCRIPTING__<KEY>), validated with the rest of the config.
 */
export const ScriptingOptionsSchema = Type.Object({
  scripting: Type.Object(
    {
      /** Networks `ctx.http.fetch` may reach although they are not public (CIDRs, e.g. `127.0.0.1/32` in tests). */
      allow_networks: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 64, default: [] }),
      /** Worker threads running scripts in this process. */
      workers: int(1, 64, 2),
      /**
       * CPU priority of those threads (Linux nice, 0–19): a script burning its budget takes the CPU the
       * requests leave. Validate hooks run inside a write's request, on their own threads, at the requests' priority.
       */
      workers_nice: int(0, 19, 10),
      /**
       * Linux: run those threads under SCHED_IDLE (through util-linux's `chrt`), so they get only the CPU
       * time the requests and the database leave, and a waking request takes their CPU at once.
       */
      workers_idle: Type.Boolean({ default: true }),
      /**
       * Longest stretch (ms) those threads run a script before stepping aside for a moment (~0.07 ms,
       * not counted as the script's time), so a request waiting for the CPU gets it at once rather than
       * at the scheduler's next tick. 0: never.
       */
      workers_slice_ms: Type.Number({ minimum: 0, maximum: 100, default: 1 }),
      /**
       * CPU time (ms in the VM) one tenant's runs may spend over any minute in this process, validate hooks
       * aside; past it runs are refused with SCRIPT_CPU_BUDGET (queued ones wait). 0: no limit.
       */
      cpu_ms_per_minute: int(0, 3_600_000, 30_000),
      /** Runs of one tenant at once, and waiting beyond those (more fail with SCRIPT_BUSY). */
      concurrency_per_tenant: int(1, 256, 4),
      queue_per_tenant: int(0, 10_000, 100),
      limits: LimitsSchema,
      /** Validate hooks (tenants opt in with their `validateHooks` setting). */
      validate: ValidateSchema,
      /** Failed runs in a row after which a script is disabled (a tenant may set fewer). */
      max_consecutive_failures: int(1, 10_000, 5),
      /** The shortest interval between two runs of one cron trigger (a tenant may set longer). */
      min_cron_interval_ms: int(0, 86_400_000, 60_000),
      /** Whether this process runs queued (event and cron) executions. */
      run_queued: Type.Boolean({ default: true }),
      /** How often queued executions and due cron triggers are looked for, in ms. */
      poll_ms: int(10, 60_000, 250),
      /** Scripts per tenant. */
      max_scripts: int(1, 10_000, 100),
      /** Keys of one script's key-value store, and bytes of one value's JSON. */
      kv_max_keys: int(1, 100_000, 1_000),
      kv_max_value_bytes: int(16, 1_048_576, 16_384),
      /** Characters of the log, input and output kept with an execution. */
      excerpt_chars: int(100, 100_000, 4_000),
    },
    { additionalProperties: false, default: {} },
  ),
});
export type ScriptingOptions = Static<typeof ScriptingOptionsSchema>['scripting'];

/** The scripting settings of this deployment's configuration. */
export const scriptingOptions = (config: Config): ScriptingOptions => moduleOptions(config, ScriptingOptionsSchema).scripting;
