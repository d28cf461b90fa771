import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** A blog post (a content node of kind post) in one locale, as the API answers it. */
export interface Post {
  readonly id: string;
  readonly status: 'draft' | 'published' | 'archived' | string;
  readonly locale: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly body?: string;
  readonly bodyHtml?: string;
  readonly publishedAt: string | null;
  readonly revision: number;
  readonly updatedAt: string;
  readonly metadata: Record<string, unknown>;
  readonly translations: readonly { readonly locale: string; readonly title: string; readonly slug: string }[];
  readonly allowedTransitions: readonly string[];
}

export interface PostText {
  readonly title: string;
  readonly slug?: string;
  readonly body?: string;
}

export const postsQuery = queryOptions({
  queryKey: ['blog', 'posts'],
  queryFn: () => api<{ items: Post[]; nextCursor: string | null }>('/blog/posts?limit=100'),
});

export const postQuery = (id: string) => queryOptions({ queryKey: ['blog', 'post', id], queryFn: () => api<Post>(`/blog/posts/${id}`) });

export const createPost = (text: PostText & { locale?: string }) => api<Post>('/blog/posts', { method: 'POST', body: text });

export const updatePost = ({ id, ...text }: Partial<PostText> & { id: string }) =>
  api<Post>(`/blog/posts/${id}`, { method: 'PATCH', body: text });

/** Creates or replaces the post's text in another locale. */
export const putTranslation = ({ id, locale, ...text }: PostText & { id: string; locale: string }) =>
  api<Post>(`/content/nodes/${id}/translations/${encodeURIComponent(locale)}`, { method: 'PUT', body: text });

export const publishPost = (id: string) => api<Post>(`/blog/posts/${id}/publish`, { method: 'POST' });

export const commentsQuery = (postId: string) =>
  queryOptions({
    queryKey: ['blog', 'comments', postId],
    queryFn: () => api<{ items: Post[]; nextCursor: string | null }>(`/blog/posts/${postId}/comments?limit=100`),
  });

export const moderationOf = (comment: Post): 'pending' | 'approved' | 'rejected' => {
  const m = comment.metadata.moderation;
  return m === 'approved' || m === 'rejected' ? m : 'pending';
};

export const moderateComment = ({ postId, commentId, status }: { postId: string; commentId: string; status: 'approved' | 'rejected' }) =>
  api<Post>(`/blog/posts/${postId}/comments/${commentId}/moderate`, { method: 'POST', body: { status } });
