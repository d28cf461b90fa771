import { type EventDeclaration, Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const BLOG_EVENT = {
  postPublished: 'blog.post.published',
  commentCreated: 'blog.comment.created',
  commentModerated: 'blog.comment.moderated',
} as const;

export const PostPublishedPayload = Type.Object(
  {
    postId: Id(),
    publishedAt: Type.Union([Timestamp(), Type.Null()]),
    locales: Type.Array(Type.String({ maxLength: 8 }), { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type PostPublishedPayload = Static<typeof PostPublishedPayload>;

export const ModerationStatus = () => Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);
export type ModerationStatus = 'pending' | 'approved' | 'rejected';

export const CommentCreatedPayload = Type.Object(
  {
    commentId: Id(),
    postId: Id(),
    replyTo: Type.Union([Id(), Type.Null()]),
    authorId: Type.Union([Id(), Type.Null()]),
    moderation: ModerationStatus(),
  },
  { additionalProperties: false },
);
export type CommentCreatedPayload = Static<typeof CommentCreatedPayload>;

export const CommentModeratedPayload = Type.Object(
  {
    commentId: Id(),
    postId: Id(),
    from: ModerationStatus(),
    to: ModerationStatus(),
    moderatorId: Type.Union([Id(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CommentModeratedPayload = Static<typeof CommentModeratedPayload>;

export const blogEvents: readonly EventDeclaration[] = [
  { type: BLOG_EVENT.postPublished, schemaVersion: 1, description: 'A blog post was published', payload: PostPublishedPayload },
  {
    type: BLOG_EVENT.commentCreated,
    schemaVersion: 1,
    description: 'A comment was written on a blog post (pending or, with autoApprove, approved)',
    payload: CommentCreatedPayload,
  },
  {
    type: BLOG_EVENT.commentModerated,
    schemaVersion: 1,
    description: 'A moderator approved, rejected or re-queued a comment (from and to are moderation states; they may be equal)',
    payload: CommentModeratedPayload,
  },
];
