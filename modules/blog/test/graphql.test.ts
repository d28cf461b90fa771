import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import { describeEachBackend, editorialSuite, graphqlClient } from '@rustok/testing';
import { expect, it } from 'vitest';
import { blogModule } from '../src/index.js';

const POST = 'id status title slug body metadata';

describeEachBackend('blog over GraphQL', (backend) => {
  const s = editorialSuite(backend, [contentModule, blogModule], 'blog-gql');
  const { data, codes } = graphqlClient(() => s.p);
  const moderate = `mutation ($postId: ID!, $commentId: ID!, $status: BlogModerationStatus!) {
    moderateBlogComment(postId: $postId, commentId: $commentId, status: $status) { ${POST} } }`;
  const comments = 'query ($id: ID!) { blogComments(postId: $id) { items { id } } }';
  const outbox = async (type: string) => {
    const { rows } = await s.p.database.db.query<{ envelope: { payload: Record<string, unknown> }; created_at: Date }>(
      'SELECT envelope, created_at FROM sys_events WHERE tenant_id = $1 AND type = $2 ORDER BY id',
      [s.tenant.id, type],
    );
    for (const r of rows) expect(s.p.bus.catalog.get(type, 1)?.validate(r.envelope.payload), type).toBe(true);
    return rows;
  };

  it('walks create → publish → comment → moderate, with blog.comment.moderated in the transaction of each moderation', async () => {
    const create = `mutation ($input: CreateBlogPostInput!) { createBlogPost(input: $input) { ${POST} } }`;
    const post = await data<ContentNode>('createBlogPost', s.editor, create, { input: { title: 'Over GraphQL', body: 'Hello' } });
    expect(post).toMatchObject({ status: 'draft', slug: 'over-graphql', body: 'Hello' });
    expect(await codes(s.anonymous, 'query ($id: ID!) { blogPost(id: $id) { id } }', { id: post.id })).toEqual(['BLOG_POST_NOT_FOUND']);
    const published = await data<ContentNode>('publishBlogPost', s.editor, 'mutation ($id: ID!) { publishBlogPost(id: $id) { status } }', {
      id: post.id,
    });
    expect(published.status).toBe('published');
    const list = await data<{ items: ContentNode[] }>('blogPosts', s.anonymous, '{ blogPosts { items { id title } } }');
    expect(list.items).toEqual([{ id: post.id, title: 'Over GraphQL' }]);

    const write = `mutation ($id: ID!, $input: CreateBlogCommentInput!) { createBlogComment(postId: $id, input: $input) { ${POST} } }`;
    const comment = await data<ContentNode>('createBlogComment', s.customer, write, { id: post.id, input: { body: 'First!' } });
    expect(comment).toMatchObject({ status: 'draft', metadata: { moderation: 'pending' } });
    expect((await data<{ items: unknown[] }>('blogComments', s.anonymous, comments, { id: post.id })).items).toEqual([]);

    const vars = (status: string) => ({ postId: post.id, commentId: comment.id, status });
    expect(await codes(s.customer, moderate, vars('approved'))).toEqual(['AUTH_FORBIDDEN']);
    const approved = await data<ContentNode>('moderateBlogComment', s.editor, moderate, vars('approved'));
    expect(approved).toMatchObject({ status: 'published', metadata: { moderation: 'approved' } });
    expect((await data<{ items: unknown[] }>('blogComments', s.anonymous, comments, { id: post.id })).items).toEqual([{ id: comment.id }]);
    const rejected = await data<ContentNode>('moderateBlogComment', s.editor, moderate, vars('rejected'));
    expect(rejected).toMatchObject({ status: 'archived', metadata: { moderation: 'rejected' } });

    const moderated = await outbox('blog.comment.moderated');
    expect(moderated.map((r) => r.envelope.payload)).toEqual([
      { commentId: comment.id, postId: post.id, from: 'pending', to: 'approved', moderatorId: expect.any(String) },
      { commentId: comment.id, postId: post.id, from: 'approved', to: 'rejected', moderatorId: expect.any(String) },
    ]);
    // now() is the transaction's start: each moderation event shares it with the comment's own status change.
    const archivedAt = (await outbox('content.node.archived')).filter((r) => r.envelope.payload.nodeId === comment.id);
    expect(archivedAt.map((r) => r.created_at.getTime())).toEqual([moderated[1]?.created_at.getTime()]);
    expect(moderated[0]?.created_at.getTime()).not.toBe(moderated[1]?.created_at.getTime());
  });

  it('publishes no moderation event when the moderation fails, and refuses bad input with 422', async () => {
    const post = await data<ContentNode>('createBlogPost', s.editor, 'mutation { createBlogPost(input: { title: "Second" }) { id } }');
    await data('publishBlogPost', s.editor, 'mutation ($id: ID!) { publishBlogPost(id: $id) { id } }', { id: post.id });
    const other = await data<ContentNode>('createBlogPost', s.editor, 'mutation { createBlogPost(input: { title: "Other" }) { id } }');
    const write = 'mutation ($id: ID!) { createBlogComment(postId: $id, input: { body: "Hi" }) { id } }';
    const comment = await data<ContentNode>('createBlogComment', s.customer, write, { id: post.id });
    const before = (await outbox('blog.comment.moderated')).length;
    const wrongPost = { postId: other.id, commentId: comment.id, status: 'approved' };
    expect(await codes(s.editor, moderate, wrongPost)).toEqual(['BLOG_COMMENT_NOT_FOUND']);
    expect(await outbox('blog.comment.moderated')).toHaveLength(before);
    expect(
      await codes(s.customer, 'mutation ($id: ID!) { createBlogComment(postId: $id, input: { body: "   " }) { id } }', { id: post.id }),
    ).toEqual(['VALIDATION_FAILED']);
    expect(await codes(s.anonymous, 'mutation { createBlogPost(input: { title: "x" }) { id } }')).toEqual(['AUTH_REQUIRED']);
    expect(await codes(s.customer, 'mutation ($id: ID!) { publishBlogPost(id: $id) { id } }', { id: other.id })).toEqual([
      'AUTH_FORBIDDEN',
    ]);
  });
});
