import { type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const MEDIA_EVENT = {
  assetCreated: 'media.asset.created',
  assetUpdated: 'media.asset.updated',
  assetDeleted: 'media.asset.deleted',
} as const;

export const MediaAssetEventPayload = Type.Object(
  {
    assetId: Id(),
    fileName: Type.String({ maxLength: 255 }),
    contentType: Type.String({ maxLength: 100 }),
    size: Type.Integer({ minimum: 0 }),
    width: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    height: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    variants: Type.Array(Type.String({ maxLength: 32 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type MediaAssetEventPayload = Static<typeof MediaAssetEventPayload>;

export const MediaAssetUpdatedPayload = Type.Object(
  { assetId: Id(), alt: Type.Union([Type.String({ maxLength: 1_000 }), Type.Null()]) },
  { additionalProperties: false },
);
export type MediaAssetUpdatedPayload = Static<typeof MediaAssetUpdatedPayload>;

export const MediaAssetDeletedPayload = Type.Object({ assetId: Id() }, { additionalProperties: false });
export type MediaAssetDeletedPayload = Static<typeof MediaAssetDeletedPayload>;

/** The events media publishes. A changed payload is a new schemaVersion, never an edit of a published one. */
export const mediaEvents: readonly EventDeclaration[] = [
  {
    type: MEDIA_EVENT.assetCreated,
    schemaVersion: 1,
    description: 'A file was uploaded and checked; its variants (images) are stored',
    payload: MediaAssetEventPayload,
  },
  {
    type: MEDIA_EVENT.assetUpdated,
    schemaVersion: 1,
    description: "An asset's alternative text changed",
    payload: MediaAssetUpdatedPayload,
  },
  {
    type: MEDIA_EVENT.assetDeleted,
    schemaVersion: 1,
    description: 'An asset and its files were deleted; references to it are stale',
    payload: MediaAssetDeletedPayload,
  },
];
