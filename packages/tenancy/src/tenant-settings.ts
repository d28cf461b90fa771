import { createValidator, ORIGIN_PATTERN, validationError } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/**
 * The keys of a tenant's settings that the platform reads (other keys are kept as they are):
 * `allowedOrigins`, the browser origins that may call this tenant's API (CORS), and `rateLimit`,
 * the tenant's own request budgets, overriding `settings.rustok.rate_limit`.
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
  },
  { additionalProperties: true },
);

export type TenantSettings = Static<typeof TenantSettingsSchema>;

const validator = createValidator(TenantSettingsSchema, '/');

/** Refuses settings whose known keys are malformed: 422 VALIDATION_FAILED naming each field (`settings/allowedOrigins/0`). */
export const assertTenantSettings = (settings: Readonly<Record<string, unknown>>): void => {
  const errors = validator.errors(settings);
  if (errors.length > 0) throw validationError(errors.map((e) => ({ ...e, path: `settings${e.path === '/' ? '' : e.path}` })));
};
