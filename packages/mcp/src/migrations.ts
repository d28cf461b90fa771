import { tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

/**
 * One row per MCP tool call: who (actor, the personal access token used if any, client), what (tool, sha-256 of the arguments), how it
 * ended and how long it took. Tenant-owned (row-level security); the arguments themselves are
 * not kept.
 */
export const mcpMigrations: readonly Migration[] = [
  {
    name: 'm20261205_mcp_001_audit',
    up: `
CREATE TABLE mcp_audit (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  actor_id uuid,
  surface text NOT NULL CHECK (surface IN ('shop', 'admin')),
  client_name text CHECK (length(client_name) <= 200),
  tool text NOT NULL CHECK (length(tool) <= 100),
  arguments_sha256 text NOT NULL CHECK (arguments_sha256 ~ '^[0-9a-f]{64}$'),
  outcome text NOT NULL CHECK (outcome IN ('ok', 'error')),
  error_code text CHECK (length(error_code) <= 100),
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mcp_audit_tenant_created ON mcp_audit (tenant_id, created_at DESC, id DESC);
${tenantRlsSql('mcp_audit')}`,
  },
  {
    name: 'm20261205_mcp_002_audit_token',
    up: 'ALTER TABLE mcp_audit ADD COLUMN token_id uuid',
  },
];
