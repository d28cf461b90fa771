import type { SqlRunner } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { ScriptingOptions } from './options.js';

/**
 * Per-tenant settings of scripting (`PUT /modules/scripting { settings }`), each bounded by the
 * deployment's: a longer minimum cron interval, fewer failures before a script is turned off.
 */
export const ScriptingTenantSettingsSchema = Type.Object(
  {
    minCronIntervalMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
    disableAfterFailures: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
type TenantSettings = Static<typeof ScriptingTenantSettingsSchema>;

export interface TenantLimits {
  readonly minCronIntervalMs: number;
  readonly disableAfterFailures: number;
}

/** The tenant's limits (in its transaction): its own where set, never looser than the deployment's. */
export const tenantLimits = async (tx: SqlRunner, options: ScriptingOptions): Promise<TenantLimits> => {
  const { rows } = await tx.query<{ settings: TenantSettings | null }>(`SELECT settings FROM tenant_modules WHERE module = 'scripting'`);
  const own = rows[0]?.settings ?? {};
  return {
    minCronIntervalMs: Math.max(own.minCronIntervalMs ?? 0, options.min_cron_interval_ms),
    disableAfterFailures: Math.min(own.disableAfterFailures ?? options.max_consecutive_failures, options.max_consecutive_failures),
  };
};
