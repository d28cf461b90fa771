import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** The forum (optional module over content): topics, replies, pins and locks. */

interface ForumObjects {
  /** A topic with one reply. */
  readonly topicId: string;
  readonly replyId: string;
}

const forum = (side: Side): ForumObjects => forumArea.of(side);
const forumTopicOfB = { id: (w: World) => forum(w.b).topicId };
const ofB = (w: World) => ({ id: forum(w.b).topicId });
const notFound = 'FORUM_TOPIC_NOT_FOUND';

export const forumArea: Area<ForumObjects> = defineArea<ForumObjects>({
  name: 'forum',
  async setup({ side, created }) {
    const { slug } = side.tenant;
    const topicId = await created('/api/v1/forum/topics', { title: `Topic of ${slug}` });
    const replyId = await created(`/api/v1/forum/topics/${topicId}/replies`, { body: `reply of ${slug}` });
    return { topicId, replyId };
  },
  secretsOf: (o) => [o.topicId, o.replyId],
  routes: {
    'GET /api/v1/forum/topics': {
      kind: 'tenant',
      public: true,
      after: async (w, res) => expect(listedIds(res)).toContain(forum(w.a).topicId),
    },
    'POST /api/v1/forum/topics': { kind: 'tenant', body: () => ({ title: 'topic of A' }), status: 201 },
    'GET /api/v1/forum/topics/{id}': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND', { public: true }),
    'PATCH /api/v1/forum/topics/{id}': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND', { body: () => ({ title: 'by A' }) }),
    'DELETE /api/v1/forum/topics/{id}': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND'),
    'POST /api/v1/forum/topics/{id}/pin': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND', { body: () => ({ pinned: true }) }),
    'POST /api/v1/forum/topics/{id}/lock': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND', { body: () => ({ locked: true }) }),
    'GET /api/v1/forum/topics/{id}/replies': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND', { public: true }),
    'POST /api/v1/forum/topics/{id}/replies': refusedRoute(forumTopicOfB, 'FORUM_TOPIC_NOT_FOUND', { body: () => ({ body: 'by A' }) }),
    'PATCH /api/v1/forum/topics/{id}/replies/{replyId}': {
      kind: 'tenant',
      paramsOfB: { ...forumTopicOfB, replyId: (w) => forum(w.b).replyId },
      body: () => ({ body: 'by A' }),
      code: notFound,
      after: async (w) => {
        // B's reply named under A's own topic: not a reply of that topic.
        const url = `/api/v1/forum/topics/${forum(w.a).topicId}/replies/${forum(w.b).replyId}`;
        const res = await w.call('PATCH', url, w.a.admin, { body: 'by A' });
        expect(res.statusCode, res.body).toBe(404);
        expect(res.json()).toMatchObject({ code: 'FORUM_REPLY_NOT_FOUND' });
        expectNoSecretsOfB(w, res.body, [url]);
      },
    },
  },
  graphql: {
    'Query.forumTopics': pageListsOnlyA('forumTopics', '{ forumTopics(first: 100) { items { id title } } }', (w) => forum(w.a).topicId),
    'Query.forumTopic': refusedForB('query ($id: ID!) { forumTopic(id: $id) { id title } }', ofB, notFound),
    'Mutation.createForumTopic': createdInA(
      'mutation { createForumTopic(input: { title: "topic of A over GraphQL" }) { id } }',
      {},
      'createForumTopic',
      'content_nodes',
    ),
    'Mutation.updateForumTopic': refusedForB(
      'mutation ($id: ID!) { updateForumTopic(id: $id, input: { title: "by A" }) { id } }',
      ofB,
      notFound,
    ),
    'Mutation.deleteForumTopic': refusedForB('mutation ($id: ID!) { deleteForumTopic(id: $id) }', ofB, notFound),
    'Mutation.pinForumTopic': refusedForB('mutation ($id: ID!) { pinForumTopic(id: $id, pinned: true) { id } }', ofB, notFound),
    'Mutation.lockForumTopic': refusedForB('mutation ($id: ID!) { lockForumTopic(id: $id, locked: true) { id } }', ofB, notFound),
    'Query.forumReplies': refusedForB('query ($id: ID!) { forumReplies(topicId: $id) { items { id body } } }', ofB, notFound),
    'Mutation.createForumReply': refusedForB(
      'mutation ($id: ID!) { createForumReply(topicId: $id, input: { body: "by A" }) { id } }',
      ofB,
      notFound,
    ),
    'Mutation.updateForumReply': async (w) => {
      const query =
        'mutation ($topicId: ID!, $replyId: ID!) { updateForumReply(topicId: $topicId, replyId: $replyId, input: { body: "by A" }) { id } }';
      await refusedForB(query, (x) => ({ topicId: forum(x.b).topicId, replyId: forum(x.b).replyId }), notFound)(w);
      const variables = { topicId: forum(w.a).topicId, replyId: forum(w.b).replyId };
      const reply = await w.gql(w.a.admin, query, variables);
      expect(errorCodes(reply), reply.text).toEqual(['FORUM_REPLY_NOT_FOUND']);
      expectNoSecretsOfB(w, reply.text, [JSON.stringify(variables)]);
    },
  },
});
