import { Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/** TypeBox schemas of the module's inputs and outputs: REST validates with them, the use-cases parse with them. */
const Alt = () => Type.String({ maxLength: 1_000 });
const VariantName = () => Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$' });

export const MediaVariant = Type.Object(
  {
    name: VariantName(),
    width: Type.Integer({ minimum: 1 }),
    height: Type.Integer({ minimum: 1 }),
    size: Type.Integer({ minimum: 1 }),
    contentType: Type.String(),
    /** Immutable: the asset id and the variant name are in it, the bytes behind it never change. */
    url: Type.String(),
  },
  { additionalProperties: false },
);
export type MediaVariant = Static<typeof MediaVariant>;

export const MediaAsset = Type.Object(
  {
    id: Id(),
    fileName: Type.String({ description: 'The name the file was uploaded with (shown, never used as a storage key)' }),
    contentType: Type.String({ description: 'The type the bytes really have (sniffed), not the one the client declared' }),
    size: Type.Integer({ minimum: 1 }),
    width: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    height: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    alt: Type.Union([Alt(), Type.Null()]),
    url: Type.String({ description: 'The original file (immutable URL)' }),
    variants: Type.Array(MediaVariant),
    createdBy: Type.Union([Id(), Type.Null()]),
    createdAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type MediaAsset = Static<typeof MediaAsset>;

export const AssetKind = Type.Union([Type.Literal('image'), Type.Literal('document')]);
export type AssetKind = Static<typeof AssetKind>;

export const ListAssetsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Id()),
    type: Type.Optional(AssetKind),
  },
  { additionalProperties: false },
);
export type ListAssetsQuery = Static<typeof ListAssetsQuery>;

export const AssetList = Type.Object({ items: Type.Array(MediaAsset), nextCursor: Type.Union([Id(), Type.Null()]) });
export type AssetList = Static<typeof AssetList>;

export const UpdateAssetInput = Type.Object(
  { alt: Type.Union([Alt(), Type.Null()], { description: 'The alternative text; null or empty removes it' }) },
  { additionalProperties: false },
);
export type UpdateAssetInput = Static<typeof UpdateAssetInput>;

export const FileQuery = Type.Object({ variant: Type.Optional(VariantName()) }, { additionalProperties: false });
export type FileQuery = Static<typeof FileQuery>;

export const CreateUploadInput = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100 }),
    size: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type CreateUploadInput = Static<typeof CreateUploadInput>;

export const DirectUpload = Type.Object(
  {
    uploadId: Id(),
    url: Type.String({ description: 'PUT the file here, with exactly the headers below' }),
    method: Type.Literal('PUT'),
    headers: Type.Record(Type.String(), Type.String()),
    expiresAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type DirectUpload = Static<typeof DirectUpload>;
