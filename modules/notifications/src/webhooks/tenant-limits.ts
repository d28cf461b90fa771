import type { SqlRunner } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/**
 * Per-tenant settings of the notifications module (`PUT /modules/notifications { settings }`):
 * the tenant's own webhook limits, each at most the deployment's
 * (`settings.rustok.notifications.webhooks.max_endpoints`, `.max_consecutive_failures`).
 */
export const NotificationsTenantSettingsSchema = Type.Object(
  {
    webhooks: Type.Optional(
      Type.Object(
        {
          /** Endpoints the tenant may have (capped by the deployment's `max_endpoints`). */
          maxEndpoints: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
          /** Failed attempts in a row that turn an endpoint off (capped by the deployment's `max_consecutive_failures`). */
          disableAfterFailures: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type TenantSettings = Static<typeof NotificationsTenantSettingsSchema>;

type OwnLimits = NonNullable<TenantSettings['webhooks']>;

const ownLimits = async (tx: SqlRunner): Promise<OwnLimits> => {
  const { rows } = await tx.query<{ settings: TenantSettings | null }>(
    `SELECT settings FROM tenant_modules WHERE module = 'notifications'`,
  );
  return rows[0]?.settings?.webhooks ?? {};
};

/** How many endpoints the tenant may have (in its transaction): its own limit where set, never above the deployment's. */
export const maxEndpointsOf = async (tx: SqlRunner, deploymentMax: number): Promise<number> =>
  Math.min((await ownLimits(tx)).maxEndpoints ?? deploymentMax, deploymentMax);

/** After how many failed attempts in a row the tenant's endpoints are turned off: its own where set, never above the deployment's. */
export const disableAfterOf = async (tx: SqlRunner, deploymentMax: number): Promise<number> =>
  Math.min((await ownLimits(tx)).disableAfterFailures ?? deploymentMax, deploymentMax);
