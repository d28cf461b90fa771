import type { SeedContext } from '@rustok/kernel';
import type { StorefrontSettings } from './storefront-settings.js';

/** The demo shop's look: a tagline, its colours, and prices in roubles on its Russian pages (the demo catalog has RUB prices). */
export const DEMO_STOREFRONT: StorefrontSettings = {
  tagline: 'Everyday goods, made to last',
  colors: { primary: '#1f5f4a', accent: '#c8553d', background: '#fbfaf7', text: '#1d1d1b' },
  currency: 'USD',
  localeCurrencies: { ru: 'RUB' },
};

/**
 * Demo storefront settings of the default tenant (tenant settings key `storefront`), unless it has
 * some already; published as `tenancy.tenant.updated` like a change made through the API.
 */
export const seedTenancyDemo = async (ctx: SeedContext): Promise<void> => {
  const { rows } = await ctx.db.query<{ slug: string; is_active: boolean }>(
    `UPDATE tenants SET settings = jsonb_set(settings, '{storefront}', $2::jsonb), updated_at = now()
      WHERE id = $1 AND NOT (settings ? 'storefront') RETURNING slug, is_active`,
    [ctx.tenantId, JSON.stringify(DEMO_STOREFRONT)],
  );
  const row = rows[0];
  if (!row) return;
  await ctx.publish('tenancy.tenant.updated', {
    tenantId: ctx.tenantId,
    slug: row.slug,
    changes: ['settings.storefront'],
    isActive: row.is_active,
  });
  ctx.logger.info('demo storefront settings set');
};
