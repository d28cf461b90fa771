import { type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const FLEX_EVENT = {
  schemaCreated: 'flex.schema.created',
  schemaUpdated: 'flex.schema.updated',
  schemaDeleted: 'flex.schema.deleted',
  schemaRevalidating: 'flex.schema.revalidating',
  entryCreated: 'flex.entry.created',
  entryUpdated: 'flex.entry.updated',
  entryPublished: 'flex.entry.published',
  entryUnpublished: 'flex.entry.unpublished',
  entryDeleted: 'flex.entry.deleted',
  valuesUpdated: 'flex.values.updated',
  valuesDeleted: 'flex.values.deleted',
} as const;

const Slug = () => Type.String({ minLength: 1, maxLength: 64 });

export const FlexSchemaEventPayload = Type.Object(
  {
    schemaId: Id(),
    slug: Slug(),
    target: Type.String({ maxLength: 64 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type FlexSchemaEventPayload = Static<typeof FlexSchemaEventPayload>;

export const FlexEntryEventPayload = Type.Object(
  {
    entryId: Id(),
    schemaId: Id(),
    schema: Slug(),
    schemaVersion: Type.Integer({ minimum: 1 }),
    status: Type.String({ maxLength: 32 }),
  },
  { additionalProperties: false },
);
export type FlexEntryEventPayload = Static<typeof FlexEntryEventPayload>;

/**
 * The values of an attached fieldset of one entity (a product, a content node, a user) were set:
 * the public ones travel with the event, so read models (the storefront's index) need not read
 * flex's tables.
 */
export const FlexValuesEventPayload = Type.Object(
  {
    target: Type.String({ maxLength: 64 }),
    entityId: Id(),
    schemaId: Id(),
    schema: Slug(),
    schemaVersion: Type.Integer({ minimum: 1 }),
    publicValues: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type FlexValuesEventPayload = Static<typeof FlexValuesEventPayload>;

/** An attached fieldset's values of one entity are gone (removed, or the entity or the schema was deleted). */
export const FlexValuesDeletedPayload = Type.Object(
  { target: Type.String({ maxLength: 64 }), entityId: Id(), schemaId: Id(), schema: Slug() },
  { additionalProperties: false },
);
export type FlexValuesDeletedPayload = Static<typeof FlexValuesDeletedPayload>;

/** The revalidation of a schema's entries goes on after `afterId` (each chunk of entries in its own transaction). */
export const FlexRevalidatingPayload = Type.Object(
  { schemaId: Id(), version: Type.Integer({ minimum: 1 }), afterId: Id() },
  { additionalProperties: false },
);
export type FlexRevalidatingPayload = Static<typeof FlexRevalidatingPayload>;

const schemaEvent = (type: string, description: string): EventDeclaration => ({
  type,
  schemaVersion: 1,
  description,
  payload: FlexSchemaEventPayload,
});
const entryEvent = (type: string, description: string): EventDeclaration => ({
  type,
  schemaVersion: 1,
  description,
  payload: FlexEntryEventPayload,
});

/** The events flex publishes. A changed payload is a new schemaVersion, never an edit of a published one. */
export const flexEvents: readonly EventDeclaration[] = [
  schemaEvent(FLEX_EVENT.schemaCreated, 'A tenant defined a schema (version 1)'),
  schemaEvent(FLEX_EVENT.schemaUpdated, 'A schema changed: new fields make a new version'),
  schemaEvent(FLEX_EVENT.schemaDeleted, 'A schema was deleted with its entries'),
  {
    type: FLEX_EVENT.schemaRevalidating,
    schemaVersion: 1,
    description: "Flex's own: the revalidation of a schema's entries against a new version goes on after an entry",
    payload: FlexRevalidatingPayload,
  },
  entryEvent(FLEX_EVENT.entryCreated, 'An entry of a schema was created'),
  entryEvent(FLEX_EVENT.entryUpdated, "An entry's slug or values changed"),
  entryEvent(FLEX_EVENT.entryPublished, 'An entry was published'),
  entryEvent(FLEX_EVENT.entryUnpublished, 'An entry went back to draft'),
  entryEvent(FLEX_EVENT.entryDeleted, 'An entry was deleted'),
  {
    type: FLEX_EVENT.valuesUpdated,
    schemaVersion: 1,
    description: "An entity's attached fieldset values were set (public values included)",
    payload: FlexValuesEventPayload,
  },
  {
    type: FLEX_EVENT.valuesDeleted,
    schemaVersion: 1,
    description: "An entity's attached fieldset values are gone",
    payload: FlexValuesDeletedPayload,
  },
];
