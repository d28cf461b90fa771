import { createValidator, validationError } from '@rustok/kernel';
import { tenancyErrors } from './errors.js';
import { type StorefrontSettings, StorefrontSettingsSchema } from './storefront-settings.js';
import type { TenantLocaleServices } from './tenant-locales.js';

const validator = createValidator(StorefrontSettingsSchema, '/');

/**
 * Replaces the tenant's storefront settings (tenant settings key `storefront`: name, tagline, logo,
 * colours, currencies, featured tag). Publishes `tenancy.tenant.updated` naming `settings.storefront`
 * and drops the tenant from the caches, so storefronts show the change on their next read of it.
 */
export const setStorefrontSettings = async (
  services: TenantLocaleServices,
  tenantId: string,
  input: unknown,
): Promise<StorefrontSettings> => {
  const problems = validator.errors(input);
  if (problems.length > 0) throw validationError(problems);
  const settings = input as StorefrontSettings;
  const tenant = await services.db.transaction(
    async (tx) => {
      const { rows } = await tx.query<{ slug: string; is_active: boolean }>(
        `UPDATE tenants SET settings = jsonb_set(settings, '{storefront}', $2::jsonb), updated_at = now() WHERE id = $1
         RETURNING slug, is_active`,
        [tenantId, JSON.stringify(settings)],
      );
      const row = rows[0];
      if (!row) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant ${tenantId}`);
      await services.events.publishInTx(tx, {
        type: 'tenancy.tenant.updated',
        tenantId,
        payload: { tenantId, slug: row.slug, changes: ['settings.storefront'], isActive: row.is_active },
      });
      return { id: tenantId, slug: row.slug };
    },
    { tenantId },
  );
  await services.invalidate?.(tenant);
  return settings;
};
