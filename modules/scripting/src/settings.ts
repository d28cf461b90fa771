import type { SqlRunner } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { ScriptingOptions } from './options.js';

/** What a tenant may grant its scripts' service role (`ctx.api`): all of it unless it chooses less. */
export const SCRIPT_GRANTABLE_PERMISSIONS = ['commerce.products.read', 'commerce.products.write'] as const;

/**
 * Per-tenant settings of scripting (`PUT /modules/scripting { settings }`), each bounded by the
 * deployment's: a longer minimum cron interval, fewer failures before a script is turned off.
 */
export const ScriptingTenantSettingsSchema = Type.Object(
  {
    minCronIntervalMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
    disableAfterFailures: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /** Whether scripts with a `validate` trigger check the writes they name (off unless set). */
    validateHooks: Type.Optional(Type.Boolean()),
    /**
     * What a write does when a hook fails (over its budget, an uncaught error, no verdict):
     * `reject` (the default) refuses it with SCRIPTING_VALIDATE_HOOK_FAILED; `accept` lets it through.
     */
    validateHookFailure: Type.Optional(Type.Union([Type.Literal('reject'), Type.Literal('accept')])),
    /**
     * The permissions of the scripts' service role, which every `ctx.api` call is checked against
     * (the use-case's own check, as for a person): a subset of the grantable ones; all of them when unset.
     */
    scriptPermissions: Type.Optional(
      Type.Array(Type.Union(SCRIPT_GRANTABLE_PERMISSIONS.map((permission) => Type.Literal(permission))), { uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
type TenantSettings = Static<typeof ScriptingTenantSettingsSchema>;

export interface TenantLimits {
  readonly minCronIntervalMs: number;
  readonly disableAfterFailures: number;
}

/** What reads the tenant's row: its transaction, or a tenant read outside one. */
type TenantReader = Pick<SqlRunner, 'query'>;

/** The tenant's row of scripting in `tenant_modules` (read as the tenant): whether it is on, and its own settings. */
const ownRow = async (tx: TenantReader): Promise<{ enabled: boolean; settings: TenantSettings }> => {
  const { rows } = await tx.query<{ enabled: boolean; settings: TenantSettings | null }>(
    `SELECT enabled, settings FROM tenant_modules WHERE module = 'scripting'`,
  );
  return { enabled: rows[0]?.enabled ?? true, settings: rows[0]?.settings ?? {} };
};

/** The tenant's limits (in its transaction): its own where set, never looser than the deployment's. */
export const tenantLimits = async (tx: SqlRunner, options: ScriptingOptions): Promise<TenantLimits> => {
  const own = (await ownRow(tx)).settings;
  return {
    minCronIntervalMs: Math.max(own.minCronIntervalMs ?? 0, options.min_cron_interval_ms),
    disableAfterFailures: Math.min(own.disableAfterFailures ?? options.max_consecutive_failures, options.max_consecutive_failures),
  };
};

/** Whether the tenant runs validate hooks, and what a failing hook does to the write. */
export interface HookPolicy {
  readonly enabled: boolean;
  readonly onFailure: 'reject' | 'accept';
}

/** The tenant's hook policy (read as the tenant): off when scripting is off for it or the setting is not on. */
export const hookPolicy = async (tx: TenantReader): Promise<HookPolicy> => {
  const { enabled, settings: own } = await ownRow(tx);
  return { enabled: enabled && own.validateHooks === true, onFailure: own.validateHookFailure ?? 'reject' };
};

/** The permissions the tenant grants its scripts' service role (in its transaction). */
export const scriptPermissions = async (tx: SqlRunner): Promise<readonly string[]> =>
  (await ownRow(tx)).settings.scriptPermissions ?? SCRIPT_GRANTABLE_PERMISSIONS;
