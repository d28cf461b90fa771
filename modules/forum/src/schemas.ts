import { CreateNodeInput, ListNodesQuery, UpdateNodeInput } from '@rustok/content/kit';
import { type Static, Type } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;

/** Topics carry pinned/locked/lastActivityAt in metadata, which only moderators and replies change. */
export const CreateTopicInput = Type.Omit(CreateNodeInput, ['kind', 'parentId', 'metadata', 'position'], closed);
export type CreateTopicInput = Static<typeof CreateTopicInput>;

export const UpdateTopicInput = Type.Omit(UpdateNodeInput, ['metadata', 'position'], closed);
export type UpdateTopicInput = Static<typeof UpdateTopicInput>;

/** Topics are listed pinned first, then by last activity: the cursor is opaque (content's metadata order). */
export const ListTopicsQuery = Type.Object(
  {
    ...Type.Omit(ListNodesQuery, ['kind', 'parent', 'cursor']).properties,
    cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 1000 })),
  },
  closed,
);
export type ListTopicsQuery = Static<typeof ListTopicsQuery>;

export const ListRepliesQuery = Type.Pick(ListNodesQuery, ['limit', 'cursor'], closed);
export type ListRepliesQuery = Static<typeof ListRepliesQuery>;

export const CreateReplyInput = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 50_000, pattern: '\\S' }),
    locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })),
  },
  closed,
);
export type CreateReplyInput = Static<typeof CreateReplyInput>;

export const UpdateReplyInput = Type.Object(
  {
    body: CreateReplyInput.properties.body,
    locale: CreateReplyInput.properties.locale,
  },
  closed,
);
export type UpdateReplyInput = Static<typeof UpdateReplyInput>;

export const PinInput = Type.Object({ pinned: Type.Boolean() }, closed);
export type PinInput = Static<typeof PinInput>;
export const LockInput = Type.Object({ locked: Type.Boolean() }, closed);
export type LockInput = Static<typeof LockInput>;
