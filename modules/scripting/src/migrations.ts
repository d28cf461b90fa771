import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/** Scripts (the current version) and their history; a rollback adds a version copied from an old one. */
const scripts = `
CREATE TABLE scripting_scripts (
  id uuid PRIMARY KEY,
  ${TENANT},
  name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{0,63}$'),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  language text NOT NULL CHECK (language IN ('js', 'ts')),
  source text NOT NULL,
  compiled text NOT NULL,
  hash text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  input_schema jsonb,
  output_schema jsonb,
  version integer NOT NULL DEFAULT 1,
  consecutive_failures integer NOT NULL DEFAULT 0,
  disabled_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);
${tenantRlsSql('scripting_scripts')}
CREATE TABLE scripting_versions (
  id uuid PRIMARY KEY,
  ${TENANT},
  script_id uuid NOT NULL REFERENCES scripting_scripts (id) ON DELETE CASCADE,
  version integer NOT NULL,
  description text NOT NULL DEFAULT '',
  language text NOT NULL,
  source text NOT NULL,
  compiled text NOT NULL,
  hash text NOT NULL,
  input_schema jsonb,
  output_schema jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, script_id, version)
);
${tenantRlsSql('scripting_versions')}`;

/** Triggers; cron triggers are mirrored in a deployment-wide schedule (ids and expressions only, no row-level security) for the cron job. */
const triggers = `
CREATE TABLE scripting_triggers (
  id uuid PRIMARY KEY,
  ${TENANT},
  script_id uuid NOT NULL REFERENCES scripting_scripts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('event', 'cron', 'manual', 'http')),
  event_types text[] NOT NULL DEFAULT '{}',
  cron text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scripting_triggers_script ON scripting_triggers (tenant_id, script_id);
CREATE INDEX scripting_triggers_kind ON scripting_triggers (tenant_id, kind);
${tenantRlsSql('scripting_triggers')}
CREATE TABLE scripting_cron (
  trigger_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  expression text NOT NULL,
  fired_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);`;

/** Executions (the run log, and the queue's work items) and the per-script key-value store. */
const executions = `
CREATE TABLE scripting_executions (
  id uuid PRIMARY KEY,
  ${TENANT},
  script_id uuid NOT NULL REFERENCES scripting_scripts (id) ON DELETE CASCADE,
  script_version integer NOT NULL,
  trigger_kind text NOT NULL CHECK (trigger_kind IN ('event', 'cron', 'manual', 'http')),
  trigger_id uuid,
  event_id uuid,
  request jsonb,
  status text NOT NULL CHECK (status IN ('queued', 'succeeded', 'failed')),
  duration_ms double precision,
  cpu_ms double precision,
  memory_bytes bigint,
  calls integer,
  error_code text,
  error_message text,
  error_line integer,
  log text,
  input_excerpt text,
  output_excerpt text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX scripting_executions_event ON scripting_executions (tenant_id, script_id, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX scripting_executions_list ON scripting_executions (tenant_id, script_id, id);
${tenantRlsSql('scripting_executions')}
CREATE TABLE scripting_queue (
  execution_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  due_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz
);
CREATE INDEX scripting_queue_due ON scripting_queue (due_at);
CREATE TABLE scripting_kv (
  ${TENANT},
  script_id uuid NOT NULL REFERENCES scripting_scripts (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, script_id, key)
);
${tenantRlsSql('scripting_kv')}`;

/** Validate hooks: a trigger kind naming the writes it checks, and their runs in the log. */
const validateHooks = `
ALTER TABLE scripting_triggers DROP CONSTRAINT scripting_triggers_kind_check;
ALTER TABLE scripting_triggers ADD CONSTRAINT scripting_triggers_kind_check CHECK (kind IN ('event', 'cron', 'manual', 'http', 'validate'));
ALTER TABLE scripting_triggers ADD COLUMN writes text[] NOT NULL DEFAULT '{}';
ALTER TABLE scripting_executions DROP CONSTRAINT scripting_executions_trigger_kind_check;
ALTER TABLE scripting_executions ADD CONSTRAINT scripting_executions_trigger_kind_check
  CHECK (trigger_kind IN ('event', 'cron', 'manual', 'http', 'validate'));`;

/** The module's tables: each tenant-owned one has `tenant_id` and forced row-level security. */
export const scriptingMigrations: readonly Migration[] = [
  { name: 'm20261205_scripting_001_scripts', up: scripts },
  { name: 'm20261205_scripting_002_triggers', up: triggers },
  { name: 'm20261205_scripting_003_executions', up: executions },
  { name: 'm20261205_scripting_004_validate_hooks', up: validateHooks },
];
