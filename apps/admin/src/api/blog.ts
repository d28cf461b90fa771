import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

export type PostStatus = 'draft' | 'scheduled' | 'published' | 'archived';

/** A blog post (a content node of kind post) in one locale, as the API answers it. */
export interface Post {
  readonly id: string;
  readonly parentId: string | null;
  readonly status: PostStatus;
  readonly locale: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly body?: string;
  readonly bodyFormat?: 'markdown' | 'html';
  readonly bodyHtml?: string;
  readonly categoryId: string | null;
  readonly tagIds: readonly string[];
  readonly publishAt: string | null;
  readonly publishedAt: string | null;
  readonly revision: number;
  readonly updatedAt: string;
  readonly metadata: Record<string, unknown>;
  readonly translations: readonly { readonly locale: string; readonly title: string; readonly slug: string }[];
  readonly allowedTransitions: readonly PostStatus[];
}

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
  queryFn: () => api<{ items: Post[]; nextCursor: string | null }>('/blog/posts?limit=100'),
});

export const postQuery = (id: string) => queryOptions({ queryKey: ['blog', 'post', id], queryFn: () => api<Post>(`/blog/posts/${id}`) });

export const createPost = (text: PostText & { locale?: string }) => api<Post>('/blog/posts', { method: 'POST', body: text });

/** Changes the post's text (in its default locale) and taxonomy; the server keeps a revision. */
export const updatePost = ({ id, ...change }: Partial<PostText> & PostTaxonomy & { id: string; locale?: string }) =>
  api<Post>(`/blog/posts/${id}`, { method: 'PATCH', body: change });

/** Creates or replaces the post's text in another locale. */
export const putTranslation = ({ id, locale, ...text }: PostText & { id: string; locale: string }) =>
  api<Post>(`/content/nodes/${id}/translations/${encodeURIComponent(locale)}`, { method: 'PUT', body: text });

export const publishPost = (id: string) => api<Post>(`/blog/posts/${id}/publish`, { method: 'POST' });

/** Moves the post along draft → scheduled (with a future publishAt) → published → archived, or back to draft. */
export const transitionPost = ({ id, to, publishAt }: { id: string; to: PostStatus; publishAt?: string }) =>
  api<Post>(`/content/nodes/${id}/transitions`, { method: 'POST', body: publishAt ? { to, publishAt } : { to } });

export const commentsQuery = (postId: string) =>
  queryOptions({
    queryKey: ['blog', 'comments', postId],
    queryFn: () => api<{ items: Post[]; nextCursor: string | null }>(`/blog/posts/${postId}/comments?limit=100`),
  });

/** Comments waiting for moderation across the blog's posts, newest first, with their text (the latest 100). */
export const commentQueueQuery = queryOptions({
  queryKey: ['blog', 'comment-queue'],
  queryFn: () => api<{ items: Post[]; nextCursor: string | null }>('/blog/comments?limit=100'),
});

export type Moderation = 'pending' | 'approved' | 'rejected';

export const moderationOf = (comment: Pick<Post, 'metadata'>): Moderation => {
  const m = comment.metadata.moderation;
  return m === 'approved' || m === 'rejected' ? m : 'pending';
};

export const moderateComment = ({ postId, commentId, status }: { postId: string; commentId: string; status: 'approved' | 'rejected' }) =>
  api<Post>(`/blog/posts/${postId}/comments/${commentId}/moderate`, { method: 'POST', body: { status } });
