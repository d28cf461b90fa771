import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

const TopicListDocument = graphql(`
  query ForumTopicList {
    forumTopics(first: 100) {
      items { id title replyCount metadata updatedAt }
    }
  }
`);

const TopicDocument = graphql(`
  query ForumTopic($id: ID!) {
    forumTopic(id: $id) { id title body replyCount metadata updatedAt }
  }
`);

const RepliesDocument = graphql(`
  query ForumTopicReplies($topicId: ID!) {
    forumReplies(topicId: $topicId, first: 100) {
      items { id authorId body createdAt revision }
    }
  }
`);

const PinTopicDocument = graphql(`
  mutation PinForumTopic($id: ID!, $pinned: Boolean!) {
    pinForumTopic(id: $id, pinned: $pinned) { id title body replyCount metadata updatedAt }
  }
`);

const LockTopicDocument = graphql(`
  mutation LockForumTopic($id: ID!, $locked: Boolean!) {
    lockForumTopic(id: $id, locked: $locked) { id title body replyCount metadata updatedAt }
  }
`);

const DeleteTopicDocument = graphql(`
  mutation DeleteForumTopic($id: ID!) {
    deleteForumTopic(id: $id)
  }
`);

const UpdateReplyDocument = graphql(`
  mutation UpdateForumReply($topicId: ID!, $replyId: ID!, $input: UpdateForumReplyInput!) {
    updateForumReply(topicId: $topicId, replyId: $replyId, input: $input) { id }
  }
`);

type TopicRow = NonNullable<NonNullable<ResultOf<typeof TopicListDocument>['forumTopics']>['items']>[number];
type TopicNode = NonNullable<ResultOf<typeof TopicDocument>['forumTopic']>;
type ReplyNode = NonNullable<NonNullable<ResultOf<typeof RepliesDocument>['forumReplies']>['items']>[number];

/** A topic of the list: its metadata carries pinned, locked and lastActivityAt. */
const topicRowOf = (t: TopicRow) => ({
  id: t.id ?? '',
  title: t.title ?? '',
  replyCount: t.replyCount ?? 0,
  metadata: (t.metadata ?? {}) as Readonly<Record<string, unknown>>,
  updatedAt: t.updatedAt ?? '',
});
export type TopicSummary = ReturnType<typeof topicRowOf>;

const topicOf = (t: TopicNode | null | undefined) => {
  if (!t) throw new Error('no topic in the answer');
  return { ...topicRowOf(t), body: t.body ?? undefined };
};
export type Topic = ReturnType<typeof topicOf>;

const replyOf = (r: ReplyNode) => ({
  id: r.id ?? '',
  authorId: r.authorId ?? null,
  body: r.body ?? undefined,
  createdAt: r.createdAt ?? '',
  revision: r.revision ?? 0,
});
export type Reply = ReturnType<typeof replyOf>;

type Flags = Pick<TopicSummary, 'metadata' | 'updatedAt'>;

export const isPinned = (topic: Flags): boolean => topic.metadata.pinned === true;
export const isLocked = (topic: Flags): boolean => topic.metadata.locked === true;
export const lastActivityOf = (topic: Flags): string =>
  typeof topic.metadata.lastActivityAt === 'string' ? topic.metadata.lastActivityAt : topic.updatedAt;

/** Pinned first, then by last activity (the server's order). */
export const topicsQuery = queryOptions({
  queryKey: ['forum', 'topics'],
  queryFn: async () => ({ items: ((await gql(TopicListDocument)).forumTopics?.items ?? []).map(topicRowOf) }),
});

export const topicQuery = (id: string) =>
  queryOptions({ queryKey: ['forum', 'topic', id], queryFn: async () => topicOf((await gql(TopicDocument, { id })).forumTopic) });

/** The topic's replies, newest first. */
export const repliesQuery = (topicId: string) =>
  queryOptions({
    queryKey: ['forum', 'replies', topicId],
    queryFn: async () => ({ items: ((await gql(RepliesDocument, { topicId })).forumReplies?.items ?? []).map(replyOf) }),
  });

export const setPinned = async ({ id, pinned }: { id: string; pinned: boolean }) =>
  topicOf((await gql(PinTopicDocument, { id, pinned })).pinForumTopic);

export const setLocked = async ({ id, locked }: { id: string; locked: boolean }) =>
  topicOf((await gql(LockTopicDocument, { id, locked })).lockForumTopic);

export const deleteTopic = async (id: string): Promise<void> => {
  await gql(DeleteTopicDocument, { id });
};

export const updateReply = async ({ topicId, replyId, body }: { topicId: string; replyId: string; body: string }): Promise<void> => {
  await gql(UpdateReplyDocument, { topicId, replyId, input: { body } });
};
