import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forumModule } from '../src/index.js';

const NODE = 'id title body status replyCount metadata';

describeEachBackend('forum over GraphQL', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  let author: Record<string, string>;
  let someone: Record<string, string>;
  const { data, codes } = graphqlClient(() => p);
  const editReply = `mutation ($topicId: ID!, $replyId: ID!, $body: String!) {
    updateForumReply(topicId: $topicId, replyId: $replyId, input: { body: $body }) { ${NODE} } }`;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, forumModule] });
    tenant = await p.createTenant('forum-gql');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    author = (await p.userWithToken(tenant.id, ['customer'])).headers;
    someone = (await p.userWithToken(tenant.id, ['customer'])).headers;
  });
  afterAll(() => p?.close());

  it('walks open → reply → edit own reply → pin → lock, with the rights of the REST routes', async () => {
    const open = `mutation ($input: CreateForumTopicInput!) { createForumTopic(input: $input) { ${NODE} } }`;
    const first = await data<ContentNode>('createForumTopic', author, open, { input: { title: 'First topic', body: 'How?' } });
    expect(first).toMatchObject({ status: 'published', metadata: { pinned: false, locked: false } });
    const second = await data<ContentNode>('createForumTopic', author, open, { input: { title: 'Second topic' } });
    const reply = `mutation ($id: ID!, $body: String!) { createForumReply(topicId: $id, input: { body: $body }) { ${NODE} } }`;
    const mine = await data<ContentNode>('createForumReply', author, reply, { id: first.id, body: 'typo' });
    const theirs = await data<ContentNode>('createForumReply', someone, reply, { id: first.id, body: 'mine' });

    const edited = await data<ContentNode>('updateForumReply', author, editReply, { topicId: first.id, replyId: mine.id, body: 'fixed' });
    expect(edited).toMatchObject({ id: mine.id, body: 'fixed' });
    expect(await codes(author, editReply, { topicId: first.id, replyId: theirs.id, body: 'x' })).toEqual(['AUTH_FORBIDDEN']);
    expect(await codes({ 'x-tenant-id': tenant.id }, editReply, { topicId: first.id, replyId: mine.id, body: 'x' })).toEqual([
      'AUTH_REQUIRED',
    ]);
    expect(await codes(editor, editReply, { topicId: second.id, replyId: mine.id, body: 'x' })).toEqual(['FORUM_REPLY_NOT_FOUND']);

    const topics = '{ forumTopics { items { id title replyCount } } }';
    const anonymous = { 'x-tenant-id': tenant.id };
    // The reply made the first topic the most recently active.
    expect((await data<{ items: ContentNode[] }>('forumTopics', anonymous, topics)).items.map((t) => [t.title, t.replyCount])).toEqual([
      ['First topic', 2],
      ['Second topic', 0],
    ]);
    expect(await codes(author, 'mutation ($id: ID!) { pinForumTopic(id: $id, pinned: true) { id } }', { id: second.id })).toEqual([
      'AUTH_FORBIDDEN',
    ]);
    await data('pinForumTopic', editor, 'mutation ($id: ID!) { pinForumTopic(id: $id, pinned: true) { id } }', { id: second.id });
    expect((await data<{ items: ContentNode[] }>('forumTopics', anonymous, topics)).items.map((t) => t.title)).toEqual([
      'Second topic',
      'First topic',
    ]);
    await data('lockForumTopic', editor, 'mutation ($id: ID!) { lockForumTopic(id: $id, locked: true) { id } }', { id: first.id });
    expect(await codes(someone, reply, { id: first.id, body: 'late' })).toEqual(['FORUM_TOPIC_LOCKED']);
    const replies = await data<{ items: ContentNode[] }>(
      'forumReplies',
      anonymous,
      'query ($id: ID!) { forumReplies(topicId: $id) { items { id } } }',
      {
        id: first.id,
      },
    );
    expect(replies.items.map((r) => r.id)).toEqual([theirs.id, mine.id]);
    const update = 'mutation ($id: ID!) { updateForumTopic(id: $id, input: { title: "Renamed" }) { title } }';
    expect(await codes(someone, update, { id: first.id })).toEqual(['AUTH_FORBIDDEN']);
    expect((await data<ContentNode>('updateForumTopic', author, update, { id: first.id })).title).toBe('Renamed');
    expect(await data('deleteForumTopic', editor, 'mutation ($id: ID!) { deleteForumTopic(id: $id) }', { id: second.id })).toBe(true);
    expect(await codes(anonymous, 'query ($id: ID!) { forumTopic(id: $id) { id } }', { id: second.id })).toEqual(['FORUM_TOPIC_NOT_FOUND']);
  });
});
