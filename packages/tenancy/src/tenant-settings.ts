import { createValidator, ORIGIN_PATTERN, type SqlRunner, validationError } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { FeatureFlagsSchema } from './feature-flags.js';
import { StorefrontSettingsSchema } from './storefront-settings.js';
import { assertTenantLocaleSettings } from './tenant-locales.js';

/**
 * The keys of a tenant's settings that the platform reads (other keys are kept as they are):
 * `allowedOrigins`, the browser origins that may call this tenant's API (CORS), and `rateLimit`,
 * the tenant's own request budgets, overriding `settings.rustok.rate_limit`; `storefront`; and
 * `featureFlags`, the tenant's rollout flags (`isFeatureOn` in the kernel reads them).
 */
export const TenantSettingsSchema = Type.Object(
  {
    allowedOrigins: Type.Optional(
      Type.Array(Type.String({ pattern: ORIGIN_PATTERN, maxLength: 300 }), {
        maxItems: 50,
        uniqueItems: true,
        description:
          'Browser origins allowed to call this tenant\'s API (CORS): scheme, lower-case host, optional port, no path, e.g. "https://shop.example.com"',
      }),
    ),
    rateLimit: Type.Optional(
      Type.Object(
        {
          requestsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Requests per minute and client' })),
          loginAttemptsPerMinute: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 10_000,
              description: 'Login, registration and password reset requests per minute and client',
            }),
          ),
        },
        { additionalProperties: false, description: "The tenant's own rate limits, overriding the deployment's" },
      ),
    ),
    storefront: Type.Optional(StorefrontSettingsSchema),
    featureFlags: Type.Optional(FeatureFlagsSchema),
  },
  { additionalProperties: true },
);

const validator = createValidator(TenantSettingsSchema, '/');

/**
 * Refuses settings whose known keys are malformed: the locales with 422 TENANT_LOCALES_INVALID, the
 * others with 422 VALIDATION_FAILED naming each field (`settings/allowedOrigins/0`).
 */
export const assertTenantSettings = (settings: Readonly<Record<string, unknown>>): void => {
  assertTenantLocaleSettings(settings);
  const errors = validator.errors(settings);
  if (errors.length > 0) throw validationError(errors.map((e) => ({ ...e, path: `settings${e.path === '/' ? '' : e.path}` })));
};

/**
 * Whether any active tenant lists an origin in its `allowedOrigins`: for CORS preflights that
 * cannot say their tenant (in header mode the tenant header is not sent on a preflight). Answers
 * are kept per origin for `ttlMs` (at most `maxEntries` origins), so a flood of preflights costs
 * one query per origin and period.
 */
export const createAllowedOriginLookup = (
  db: Pick<SqlRunner, 'query'>,
  options: { readonly ttlMs?: number; readonly maxEntries?: number; readonly now?: () => number } = {},
): ((origin: string) => Promise<boolean>) => {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const memo = new Map<string, { readonly allowed: boolean; readonly until: number }>();
  return async (origin) => {
    const kept = memo.get(origin);
    if (kept && kept.until > now()) return kept.allowed;
    const { rows } = await db.query<{ allowed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM tenants WHERE is_active AND jsonb_typeof(settings->'allowedOrigins') = 'array'
         AND settings->'allowedOrigins' ? $1) AS allowed`,
      [origin],
    );
    const allowed = rows[0]?.allowed === true;
    memo.delete(origin);
    if (memo.size >= maxEntries) memo.delete(memo.keys().next().value ?? '');
    memo.set(origin, { allowed, until: now() + ttlMs });
    return allowed;
  };
};
