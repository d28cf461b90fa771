import { type Config, moduleOptions } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/**
 * Flex's guardrails in this deployment: `settings.rustok.flex` in the config files
 * (RUSTOK_SETTINGS__RUSTOK__FLEX__<KEY>), validated with the rest of the config.
 */
export const FlexOptionsSchema = Type.Object({
  flex: Type.Object(
    {
      /** Schemas per tenant. */
      max_schemas: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
      /** Fields per schema, nested ones included. */
      max_fields: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      /** Levels of `object` fields (a plain field is depth 1). */
      max_depth: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
      /** Size of an entry's values as JSON text, in bytes. */
      max_entry_bytes: Type.Integer({ minimum: 1_024, maximum: 16_777_216, default: 262_144 }),
      /** Schema changes (creations, new versions, deletions) per tenant in any 60 seconds. */
      schema_changes_per_minute: Type.Integer({ minimum: 1, maximum: 10_000, default: 30 }),
    },
    { additionalProperties: false, default: {} },
  ),
});
export type FlexOptions = Static<typeof FlexOptionsSchema>['flex'];

/** Flex's options in this deployment's configuration. */
export const flexOptions = (config: Config): FlexOptions => moduleOptions(config, FlexOptionsSchema).flex;
