import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import type { ContentNode, Paged } from './content-node.js';

/** A forum topic: a content node whose metadata carries pinned, locked and lastActivityAt. */
export type Topic = ContentNode;
export type Reply = ContentNode;

export const isPinned = (topic: Topic): boolean => topic.metadata.pinned === true;
export const isLocked = (topic: Topic): boolean => topic.metadata.locked === true;
export const lastActivityOf = (topic: Topic): string =>
  typeof topic.metadata.lastActivityAt === 'string' ? topic.metadata.lastActivityAt : topic.updatedAt;

/** Pinned first, then by last activity (the server's order). */
export const topicsQuery = queryOptions({
  queryKey: ['forum', 'topics'],
  queryFn: () => api<Paged<Topic>>('/forum/topics?limit=100'),
});

export const topicQuery = (id: string) =>
  queryOptions({ queryKey: ['forum', 'topic', id], queryFn: () => api<Topic>(`/forum/topics/${id}`) });

/** The topic's replies, newest first. */
export const repliesQuery = (topicId: string) =>
  queryOptions({
    queryKey: ['forum', 'replies', topicId],
    queryFn: () => api<Paged<Reply>>(`/forum/topics/${topicId}/replies?limit=100`),
  });

export const setPinned = ({ id, pinned }: { id: string; pinned: boolean }) =>
  api<Topic>(`/forum/topics/${id}/pin`, { method: 'POST', body: { pinned } });

export const setLocked = ({ id, locked }: { id: string; locked: boolean }) =>
  api<Topic>(`/forum/topics/${id}/lock`, { method: 'POST', body: { locked } });

export const deleteTopic = (id: string) => api<void>(`/forum/topics/${id}`, { method: 'DELETE' });

export const updateReply = ({ topicId, replyId, body }: { topicId: string; replyId: string; body: string }) =>
  api<Reply>(`/forum/topics/${topicId}/replies/${replyId}`, { method: 'PATCH', body: { body } });
