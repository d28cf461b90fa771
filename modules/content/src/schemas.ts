import { Id, Nullable, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { NODE_STATUSES } from './events.js';
import { Locale } from './settings.js';
import { SLUG_PATTERN } from './slug.js';

/** Bodies are capped well under the HTTP body limit (1 MiB): a larger request is refused with 413 first. */
const MAX_BODY = 512_000;

const Kind = () => Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });
export const Slug = (maxLength = 200) => Type.String({ pattern: SLUG_PATTERN, minLength: 1, maxLength });
const Status = () => Type.Union(NODE_STATUSES.map((s) => Type.Literal(s)));
const Title = () => Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const Excerpt = () => Type.String({ maxLength: 2000 });
const Body = () => Type.String({ maxLength: MAX_BODY });
const BodyFormat = () => Type.Union([Type.Literal('markdown'), Type.Literal('html')]);
const Metadata = () => Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 50 });

export const TranslationInput = Type.Object(
  {
    title: Title(),
    slug: Type.Optional(Slug()),
    excerpt: Type.Optional(Type.Union([Excerpt(), Type.Null()])),
    body: Type.Optional(Body()),
    bodyFormat: Type.Optional(BodyFormat()),
  },
  { additionalProperties: false },
);
export type TranslationInput = Static<typeof TranslationInput>;

export const CreateNodeInput = Type.Object(
  {
    kind: Kind(),
    locale: Type.Optional(Locale()),
    title: Title(),
    slug: Type.Optional(Slug()),
    excerpt: Type.Optional(Type.Union([Excerpt(), Type.Null()])),
    body: Type.Optional(Body()),
    bodyFormat: Type.Optional(BodyFormat()),
    parentId: Type.Optional(Nullable(Id())),
    categoryId: Type.Optional(Nullable(Id())),
    tagIds: Type.Optional(Type.Array(Id(), { maxItems: 50, uniqueItems: true })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    metadata: Type.Optional(Metadata()),
  },
  { additionalProperties: false },
);
export type CreateNodeInput = Static<typeof CreateNodeInput>;

export const UpdateNodeInput = Type.Object(
  {
    locale: Type.Optional(Locale()),
    title: Type.Optional(Title()),
    slug: Type.Optional(Slug()),
    excerpt: Type.Optional(Type.Union([Excerpt(), Type.Null()])),
    body: Type.Optional(Body()),
    bodyFormat: Type.Optional(BodyFormat()),
    categoryId: Type.Optional(Nullable(Id())),
    tagIds: Type.Optional(Type.Array(Id(), { maxItems: 50, uniqueItems: true })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    metadata: Type.Optional(Metadata()),
  },
  { additionalProperties: false },
);
export type UpdateNodeInput = Static<typeof UpdateNodeInput>;

export const TransitionInput = Type.Object({ to: Status(), publishAt: Type.Optional(Timestamp()) }, { additionalProperties: false });
export type TransitionInput = Static<typeof TransitionInput>;

export const ListNodesQuery = Type.Object(
  {
    kind: Type.Optional(Kind()),
    status: Type.Optional(Status()),
    locale: Type.Optional(Locale()),
    category: Type.Optional(Id()),
    tag: Type.Optional(Id()),
    author: Type.Optional(Id()),
    parent: Type.Optional(Id()),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type ListNodesQuery = Static<typeof ListNodesQuery>;

const TranslationSummary = Type.Object({ locale: Type.String(), title: Type.String(), slug: Type.String() });

/** A node as every route answers it, in one resolved locale. */
export const NodeSchema = Type.Object({
  id: Id(),
  kind: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  authorId: Type.Union([Type.String(), Type.Null()]),
  categoryId: Type.Union([Type.String(), Type.Null()]),
  status: Status(),
  position: Type.Integer(),
  depth: Type.Integer(),
  replyCount: Type.Integer(),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  publishAt: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  tagIds: Type.Array(Type.String()),
  locale: Type.String(),
  title: Type.String(),
  slug: Type.String(),
  excerpt: Type.Union([Type.String(), Type.Null()]),
  body: Type.Optional(Type.String()),
  bodyFormat: Type.Optional(BodyFormat()),
  bodyHtml: Type.Optional(Type.String()),
  translations: Type.Array(TranslationSummary),
  allowedTransitions: Type.Array(Status()),
});
export type ContentNode = Static<typeof NodeSchema>;

export const RevisionSchema = Type.Object({
  id: Id(),
  nodeId: Id(),
  number: Type.Integer(),
  action: Type.String(),
  authorId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  snapshot: Type.Record(Type.String(), Type.Unknown()),
});
export type ContentRevision = Static<typeof RevisionSchema>;

export const CategorySchema = Type.Object({
  id: Id(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  slug: Type.String(),
  depth: Type.Integer(),
  position: Type.Integer(),
});
export type ContentCategory = Static<typeof CategorySchema>;

export const CategoryInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    slug: Type.Optional(Slug()),
    parentId: Type.Optional(Nullable(Id())),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type CategoryInput = Static<typeof CategoryInput>;
export const CategoryPatch = Type.Partial(CategoryInput, { additionalProperties: false });
export type CategoryPatch = Static<typeof CategoryPatch>;

export const TagSchema = Type.Object({ id: Id(), name: Type.String(), slug: Type.String() });
export type ContentTag = Static<typeof TagSchema>;
export const TagInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), slug: Type.Optional(Slug(100)) },
  { additionalProperties: false },
);
export type TagInput = Static<typeof TagInput>;

export const Page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export interface Paged<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
