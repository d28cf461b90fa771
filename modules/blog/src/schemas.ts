import { CreateNodeInput, ListNodesQuery, UpdateNodeInput } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { ModerationStatus } from './events.js';

const closed = { additionalProperties: false } as const;

export const CreatePostInput = Type.Omit(CreateNodeInput, ['kind', 'parentId'], closed);
export type CreatePostInput = Static<typeof CreatePostInput>;

export const UpdatePostInput = UpdateNodeInput;
export type UpdatePostInput = Static<typeof UpdatePostInput>;

export const ListPostsQuery = Type.Omit(ListNodesQuery, ['kind', 'parent'], closed);
export type ListPostsQuery = Static<typeof ListPostsQuery>;

export const ListCommentsQuery = Type.Pick(ListNodesQuery, ['limit', 'cursor'], closed);
export type ListCommentsQuery = Static<typeof ListCommentsQuery>;

export const CreateCommentInput = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' }),
    replyTo: Type.Optional(Id()),
    locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })),
  },
  closed,
);
export type CreateCommentInput = Static<typeof CreateCommentInput>;

export const ModerateInput = Type.Object({ status: ModerationStatus() }, closed);
export type ModerateInput = Static<typeof ModerateInput>;
