import { NodeSchema } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { BlockList } from './blocks.js';

const Locale = () => Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });
const Slug = () => Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 200 });
const Title = () => Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const BodyFormat = () => Type.Union([Type.Literal('markdown'), Type.Literal('html')]);

const BlockSchema = Type.Object({
  id: Id(),
  position: Type.Integer(),
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type PageBlock = Static<typeof BlockSchema>;

/** A page: its content node (in one resolved locale) and its blocks in order. */
export const PageSchema = Type.Object({ ...NodeSchema.properties, blocks: Type.Array(BlockSchema) });
export type Page = Static<typeof PageSchema>;

const TranslationFields = {
  locale: Type.Optional(Locale()),
  slug: Type.Optional(Slug()),
  excerpt: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  body: Type.Optional(Type.String({ maxLength: 512_000 })),
  bodyFormat: Type.Optional(BodyFormat()),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};

export const CreatePageInput = Type.Object(
  { title: Title(), ...TranslationFields, parentId: Type.Optional(Type.Union([Id(), Type.Null()])), blocks: Type.Optional(BlockList) },
  { additionalProperties: false },
);
export type CreatePageInput = Static<typeof CreatePageInput>;

export const UpdatePageInput = Type.Object({ title: Type.Optional(Title()), ...TranslationFields }, { additionalProperties: false });
export type UpdatePageInput = Static<typeof UpdatePageInput>;

export const PutBlocksInput = Type.Object({ blocks: BlockList }, { additionalProperties: false });
export type PutBlocksInput = Static<typeof PutBlocksInput>;

export const ListPagesQuery = Type.Object(
  {
    locale: Type.Optional(Locale()),
    parent: Type.Optional(Id()),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type ListPagesQuery = Static<typeof ListPagesQuery>;

export const PageList = Type.Object({ items: Type.Array(NodeSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });
