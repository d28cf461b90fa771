import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** The blog (optional module over content): posts and moderated comments. */

interface BlogObjects {
  /** A published post with a pending comment. */
  readonly postId: string;
  readonly commentId: string;
}

const blog = (side: Side): BlogObjects => blogArea.of(side);
const blogPostOfB = { id: (w: World) => blog(w.b).postId };
const ofB = (w: World) => ({ id: blog(w.b).postId });
const notFound = 'BLOG_POST_NOT_FOUND';

export const blogArea: Area<BlogObjects> = defineArea<BlogObjects>({
  name: 'blog',
  async setup({ side, created }) {
    const { slug } = side.tenant;
    const postId = await created('/api/v1/blog/posts', { title: `Blog post of ${slug}` });
    await created(`/api/v1/blog/posts/${postId}/publish`);
    const commentId = await created(`/api/v1/blog/posts/${postId}/comments`, { body: `comment of ${slug}` });
    return { postId, commentId };
  },
  secretsOf: (o) => [o.postId, o.commentId],
  routes: {
    'GET /api/v1/blog/posts': {
      kind: 'tenant',
      public: true,
      after: async (w, res) => expect(listedIds(res)).toContain(blog(w.a).postId),
    },
    'POST /api/v1/blog/posts': { kind: 'tenant', body: () => ({ title: 'post of A' }), status: 201 },
    'GET /api/v1/blog/posts/{id}': refusedRoute(blogPostOfB, 'BLOG_POST_NOT_FOUND', { public: true }),
    'PATCH /api/v1/blog/posts/{id}': refusedRoute(blogPostOfB, 'BLOG_POST_NOT_FOUND', { body: () => ({ title: 'by A' }) }),
    'DELETE /api/v1/blog/posts/{id}': refusedRoute(blogPostOfB, 'BLOG_POST_NOT_FOUND'),
    'POST /api/v1/blog/posts/{id}/publish': refusedRoute(blogPostOfB, 'BLOG_POST_NOT_FOUND'),
    'GET /api/v1/blog/posts/{id}/comments': refusedRoute(blogPostOfB, 'BLOG_POST_NOT_FOUND', { public: true }),
    'POST /api/v1/blog/posts/{id}/comments': refusedRoute(blogPostOfB, 'BLOG_POST_NOT_FOUND', { body: () => ({ body: 'by A' }) }),
    'GET /api/v1/blog/comments': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toEqual([blog(w.a).commentId]),
    },
    'POST /api/v1/blog/posts/{id}/comments/{commentId}/moderate': refusedRoute(
      { ...blogPostOfB, commentId: (w) => blog(w.b).commentId },
      'BLOG_POST_NOT_FOUND',
      { body: () => ({ status: 'approved' }) },
    ),
  },
  graphql: {
    'Query.blogPosts': pageListsOnlyA('blogPosts', '{ blogPosts(first: 100) { items { id title } } }', (w) => blog(w.a).postId),
    'Query.blogPost': refusedForB('query ($id: ID!) { blogPost(id: $id) { id title } }', ofB, notFound),
    'Mutation.createBlogPost': createdInA(
      'mutation { createBlogPost(input: { title: "post of A over GraphQL" }) { id } }',
      {},
      'createBlogPost',
      'content_nodes',
    ),
    'Mutation.updateBlogPost': refusedForB(
      'mutation ($id: ID!) { updateBlogPost(id: $id, input: { title: "by A" }) { id } }',
      ofB,
      notFound,
    ),
    'Mutation.publishBlogPost': refusedForB('mutation ($id: ID!) { publishBlogPost(id: $id) { id } }', ofB, notFound),
    'Mutation.deleteBlogPost': refusedForB('mutation ($id: ID!) { deleteBlogPost(id: $id) }', ofB, notFound),
    'Query.blogComments': refusedForB('query ($id: ID!) { blogComments(postId: $id) { items { id body } } }', ofB, notFound),
    'Mutation.createBlogComment': refusedForB(
      'mutation ($id: ID!) { createBlogComment(postId: $id, input: { body: "by A" }) { id } }',
      ofB,
      notFound,
    ),
    'Mutation.moderateBlogComment': async (w) => {
      const query =
        'mutation ($postId: ID!, $commentId: ID!) { moderateBlogComment(postId: $postId, commentId: $commentId, status: approved) { id } }';
      await refusedForB(query, (x) => ({ postId: blog(x.b).postId, commentId: blog(x.b).commentId }), notFound)(w);
      // B's comment named under A's own post: not a comment of that post.
      const variables = { postId: blog(w.a).postId, commentId: blog(w.b).commentId };
      const reply = await w.gql(w.a.admin, query, variables);
      expect(errorCodes(reply), reply.text).toEqual(['BLOG_COMMENT_NOT_FOUND']);
      expectNoSecretsOfB(w, reply.text, [JSON.stringify(variables)]);
    },
  },
});
