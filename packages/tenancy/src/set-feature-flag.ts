import { createValidator, type FeatureFlag, validationError } from '@rustok/kernel';
import { tenancyErrors } from './errors.js';
import { FeatureFlagSchema, MAX_FEATURE_FLAGS } from './feature-flags.js';
import type { TenantLocaleServices } from './tenant-locales.js';

const validator = createValidator(FeatureFlagSchema, '/');

/**
 * Writes the tenant settings' `featureFlags` in one statement (`change` is SQL over `flags`, the
 * current map, with `$2` the key and `$3` the flag), publishes `tenancy.tenant.updated` naming
 * `settings.featureFlags` and drops the tenant from the caches: every process reads the change
 * within seconds. `mustExist`: the flag `$2` must be there before (404 FEATURE_FLAG_NOT_FOUND otherwise).
 */
const writeFlags = async (
  services: TenantLocaleServices,
  tenantId: string,
  change: string,
  params: [string, ...unknown[]],
  mustExist = false,
): Promise<void> => {
  const tenant = await services.db.transaction(
    async (tx) => {
      const { rows } = await tx.query<{ slug: string; is_active: boolean; n: number; had: boolean }>(
        `UPDATE tenants t SET settings = jsonb_set(t.settings, '{featureFlags}', ${change}), updated_at = now()
           FROM (SELECT coalesce(settings->'featureFlags', '{}'::jsonb) AS flags FROM tenants WHERE id = $1) f
          WHERE t.id = $1
          RETURNING t.slug, t.is_active, (SELECT count(*) FROM jsonb_object_keys(t.settings->'featureFlags'))::int AS n,
                    f.flags ? $2::text AS had`,
        [tenantId, ...params],
      );
      const row = rows[0];
      if (!row) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant ${tenantId}`);
      if (mustExist && !row.had) throw tenancyErrors.FEATURE_FLAG_NOT_FOUND(`No feature flag ${params[0]}`);
      if (row.n > MAX_FEATURE_FLAGS)
        throw validationError([{ path: 'key', message: `A tenant has at most ${MAX_FEATURE_FLAGS} feature flags` }]);
      await services.events.publishInTx(tx, {
        type: 'tenancy.tenant.updated',
        tenantId,
        payload: { tenantId, slug: row.slug, changes: ['settings.featureFlags'], isActive: row.is_active },
      });
      return { id: tenantId, slug: row.slug };
    },
    { tenantId },
  );
  await services.invalidate?.(tenant);
};

/** Creates or replaces the tenant's flag `key`; 422 VALIDATION_FAILED for a malformed flag. */
export const setFeatureFlag = async (
  services: TenantLocaleServices,
  tenantId: string,
  key: string,
  input: unknown,
): Promise<FeatureFlag> => {
  const problems = validator.errors(input);
  if (problems.length > 0) throw validationError(problems);
  await writeFlags(services, tenantId, 'f.flags || jsonb_build_object($2::text, $3::jsonb)', [key, JSON.stringify(input)]);
  return input as FeatureFlag;
};

/** Removes the tenant's flag `key`; 404 FEATURE_FLAG_NOT_FOUND when it has none. */
export const deleteFeatureFlag = (services: TenantLocaleServices, tenantId: string, key: string): Promise<void> =>
  writeFlags(services, tenantId, 'f.flags - $2::text', [key], true);
