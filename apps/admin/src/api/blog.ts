import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';

export type PostStatus = 'draft' | 'scheduled' | 'published' | 'archived';

const PostListDocument = graphql(`
  query BlogPostList {
    blogPosts(first: 100) {
      items { id title status locale publishAt updatedAt translations { locale } }
    }
  }
`);

const PostDocument = graphql(`
  query BlogPost($id: ID!) {
    blogPost(id: $id) {
      id status locale title slug excerpt body categoryId tagIds publishAt revision updatedAt allowedTransitions
      translations { locale }
    }
  }
`);

const CreatePostDocument = graphql(`
  mutation CreateBlogPost($input: CreateBlogPostInput!) {
    createBlogPost(input: $input) { id }
  }
`);

const PublishPostDocument = graphql(`
  mutation PublishBlogPost($id: ID!) {
    publishBlogPost(id: $id) {
      id status locale title slug excerpt body categoryId tagIds publishAt revision updatedAt allowedTransitions
      translations { locale }
    }
  }
`);

const TransitionPostDocument = graphql(`
  mutation TransitionBlogPost($id: ID!, $to: String!, $publishAt: String) {
    transitionContentNode(id: $id, to: $to, publishAt: $publishAt) {
      id status locale title slug excerpt body categoryId tagIds publishAt revision updatedAt allowedTransitions
      translations { locale }
    }
  }
`);

const PutTranslationDocument = graphql(`
  mutation PutPostTranslation($id: ID!, $locale: String!, $input: ContentTranslationInput!) {
    putContentTranslation(id: $id, locale: $locale, input: $input) {
      id status locale title slug excerpt body categoryId tagIds publishAt revision updatedAt allowedTransitions
      translations { locale }
    }
  }
`);

const CommentsDocument = graphql(`
  query BlogPostComments($postId: ID!) {
    blogComments(postId: $postId, first: 100) {
      items { id parentId title body updatedAt metadata }
    }
  }
`);

const ModerateCommentDocument = graphql(`
  mutation ModerateBlogComment($postId: ID!, $commentId: ID!, $status: BlogModerationStatus!) {
    moderateBlogComment(postId: $postId, commentId: $commentId, status: $status) { id }
  }
`);

type PostNode = NonNullable<ResultOf<typeof PostDocument>['blogPost']>;
type PostRow = NonNullable<NonNullable<ResultOf<typeof PostListDocument>['blogPosts']>['items']>[number];
type CommentNode = NonNullable<NonNullable<ResultOf<typeof CommentsDocument>['blogComments']>['items']>[number];

/** A row of the posts list (the schema's nullable fields filled in). */
const postRowOf = (p: PostRow) => ({
  id: p.id ?? '',
  title: p.title ?? '',
  status: (p.status ?? 'draft') as PostStatus,
  locale: p.locale ?? '',
  publishAt: p.publishAt ?? null,
  updatedAt: p.updatedAt ?? '',
  translations: (p.translations ?? []).map((x) => ({ locale: x.locale ?? '' })),
});
export type PostSummary = ReturnType<typeof postRowOf>;

/** A blog post (a content node of kind post) in one locale, as its screens show it. */
export const postOf = (p: PostNode | null | undefined) => {
  if (!p) throw new Error('no post in the answer');
  return {
    ...postRowOf(p),
    slug: p.slug ?? '',
    excerpt: p.excerpt ?? null,
    body: p.body ?? undefined,
    categoryId: p.categoryId ?? null,
    tagIds: p.tagIds ?? [],
    revision: p.revision ?? 0,
    allowedTransitions: (p.allowedTransitions ?? []) as PostStatus[],
  };
};
export type Post = ReturnType<typeof postOf>;

/** A comment (a content node under its post); its moderation state is in metadata. */
const commentOf = (c: CommentNode) => ({
  id: c.id ?? '',
  parentId: c.parentId ?? null,
  title: c.title ?? '',
  body: c.body ?? undefined,
  updatedAt: c.updatedAt ?? '',
  metadata: (c.metadata ?? {}) as Readonly<Record<string, unknown>>,
});
export type Comment = ReturnType<typeof commentOf>;

/** A post's text in one locale (posts are Markdown). */
export interface PostText {
  readonly title: string;
  readonly slug?: string;
  readonly excerpt?: string | null;
  readonly body?: string;
}

/** What the editor changes besides the text: the post's category and tags. */
export interface PostTaxonomy {
  readonly categoryId?: string | null;
  readonly tagIds?: readonly string[];
}

export const postsQuery = queryOptions({
  queryKey: ['blog', 'posts'],
  queryFn: async () => ({ items: ((await gql(PostListDocument)).blogPosts?.items ?? []).map(postRowOf) }),
});

export const postQuery = (id: string) =>
  queryOptions({ queryKey: ['blog', 'post', id], queryFn: async () => postOf((await gql(PostDocument, { id })).blogPost) });

export const createPost = async (text: PostText & { locale?: string }): Promise<{ id: string }> => ({
  id: (await gql(CreatePostDocument, { input: text })).createBlogPost?.id ?? '',
});

/**
 * Changes the post's text (in its default locale) and taxonomy; the server keeps a revision.
 * REST: clearing the excerpt or category takes null, which GraphQL's updateBlogPost reads as "not given".
 */
export const updatePost = ({ id, ...change }: Partial<PostText> & PostTaxonomy & { id: string; locale?: string }) =>
  api<Post>(`/blog/posts/${id}`, { method: 'PATCH', body: change });

/** Creates or replaces the post's text in another locale. */
export const putTranslation = async ({ id, locale, ...input }: PostText & { id: string; locale: string }) =>
  postOf((await gql(PutTranslationDocument, { id, locale, input })).putContentTranslation);

export const publishPost = async (id: string) => postOf((await gql(PublishPostDocument, { id })).publishBlogPost);

/** Moves the post along draft → scheduled (with a future publishAt) → published → archived, or back to draft. */
export const transitionPost = async ({ id, to, publishAt }: { id: string; to: PostStatus; publishAt?: string }) =>
  postOf((await gql(TransitionPostDocument, { id, to, publishAt: publishAt ?? null })).transitionContentNode);

export const commentsQuery = (postId: string) =>
  queryOptions({
    queryKey: ['blog', 'comments', postId],
    queryFn: async () => ({ items: ((await gql(CommentsDocument, { postId })).blogComments?.items ?? []).map(commentOf) }),
  });

/**
 * Comments waiting for moderation across the blog's posts, newest first, with their text (the latest 100).
 * REST: GraphQL has no field for the queue across posts.
 */
export const commentQueueQuery = queryOptions({
  queryKey: ['blog', 'comment-queue'],
  queryFn: () => api<{ items: Comment[]; nextCursor: string | null }>('/blog/comments?limit=100'),
});

export type Moderation = 'pending' | 'approved' | 'rejected';

export const moderationOf = (comment: Pick<Comment, 'metadata'>): Moderation => {
  const m = comment.metadata.moderation;
  return m === 'approved' || m === 'rejected' ? m : 'pending';
};

export const moderateComment = async ({
  postId,
  commentId,
  status,
}: {
  postId: string;
  commentId: string;
  status: 'approved' | 'rejected';
}) => {
  await gql(ModerateCommentDocument, { postId, commentId, status });
};
