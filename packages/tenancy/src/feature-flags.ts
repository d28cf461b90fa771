import { FEATURE_FLAG_KEY_PATTERN } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/** One flag as stored in the tenant's settings and written over the API. */
export const FeatureFlagSchema = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Off: off for everyone, whatever the rollout' }),
    rollout: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100,
        description: 'Share of subjects (users, customers, sessions) it is on for, in %; 100 when left out',
      }),
    ),
    public: Type.Optional(Type.Boolean({ description: 'Shown to anonymous callers (GET /store/feature-flags); staff-only otherwise' })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type FeatureFlagInput = Static<typeof FeatureFlagSchema>;

/** Flags per tenant at most. */
export const MAX_FEATURE_FLAGS = 200;

/** Tenant settings `featureFlags`: flag key → flag. */
export const FeatureFlagsSchema = Type.Record(Type.String({ pattern: FEATURE_FLAG_KEY_PATTERN }), FeatureFlagSchema, {
  maxProperties: MAX_FEATURE_FLAGS,
  description: "The tenant's feature flags (rollout flags), read by modules, the admin and the storefront",
});

export const FeatureFlagKeyParams = Type.Object({ key: Type.String({ pattern: FEATURE_FLAG_KEY_PATTERN }) });

/** A flag as listed: its key and settings. */
export const FeatureFlagEntrySchema = Type.Intersect([Type.Object({ key: Type.String() }), FeatureFlagSchema]);

/** What a storefront sees: the public flags, each on or off for the subject asked about. */
export const StoreFeatureFlagsSchema = Type.Object({ flags: Type.Record(Type.String(), Type.Boolean()) });
