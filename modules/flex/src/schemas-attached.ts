import { Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { EntryValues, SchemaSlug } from './schemas.js';

/**
 * TypeBox schemas of attached fieldsets: the values a schema with the target product, content_node or
 * user gives one entity of that module (one set per schema, several schemas per entity).
 */

/** The entities flex attaches fields to (schemas with another target are standalone entries). */
export const ATTACHED_TARGETS = ['product', 'content_node', 'user'] as const;
export type AttachedTarget = (typeof ATTACHED_TARGETS)[number];

/** The path of one entity's fieldsets; the target is checked by the use-case (refused and unknown ones have their codes). */
export const AttachedEntityParams = Type.Object({
  target: Type.String({ minLength: 1, maxLength: 64, description: 'product, content_node or user' }),
  entityId: Id(),
});
export type AttachedEntityParams = Static<typeof AttachedEntityParams>;

export const AttachedSchemaParams = Type.Composite([AttachedEntityParams, Type.Object({ schema: SchemaSlug() })]);
export type AttachedSchemaParams = Static<typeof AttachedSchemaParams>;

export const SetAttachedInput = Type.Object(
  { values: EntryValues() },
  { additionalProperties: false, description: "The fieldset's values (they replace the stored ones)" },
);
export type SetAttachedInput = Static<typeof SetAttachedInput>;

/** One fieldset of an entity: its schema, the version its values were checked against, the values. */
export const FlexAttachedValues = Type.Object(
  {
    schema: SchemaSlug(),
    schemaVersion: Type.Integer({ minimum: 1 }),
    values: EntryValues(),
    updatedAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type FlexAttachedValues = Static<typeof FlexAttachedValues>;

export const AttachedList = Type.Object({ items: Type.Array(FlexAttachedValues) }, { additionalProperties: false });
export type AttachedList = Static<typeof AttachedList>;
