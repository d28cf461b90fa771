import { type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const FORUM_EVENT = { topicCreated: 'forum.topic.created', replyCreated: 'forum.reply.created' } as const;

export const TopicCreatedPayload = Type.Object(
  { topicId: Id(), categoryId: Type.Union([Id(), Type.Null()]), authorId: Type.Union([Id(), Type.Null()]) },
  { additionalProperties: false },
);
export type TopicCreatedPayload = Static<typeof TopicCreatedPayload>;

export const ReplyCreatedPayload = Type.Object(
  { replyId: Id(), topicId: Id(), authorId: Type.Union([Id(), Type.Null()]), replyCount: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type ReplyCreatedPayload = Static<typeof ReplyCreatedPayload>;

export const forumEvents: readonly EventDeclaration[] = [
  { type: FORUM_EVENT.topicCreated, schemaVersion: 1, description: 'A forum topic was opened', payload: TopicCreatedPayload },
  { type: FORUM_EVENT.replyCreated, schemaVersion: 1, description: 'A reply was posted to a forum topic', payload: ReplyCreatedPayload },
];
