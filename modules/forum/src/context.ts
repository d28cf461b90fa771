import type {} from '@rustok/api';
import type { ContentContext, ContentTx, NodeHead, Rights } from '@rustok/content/kit';
import { loadKindInTx, nodeRights, renamingNotFound } from '@rustok/content/kit';
import { forumErrors } from './errors.js';

/** `asContent(ctx, rights)` is the context to call content with (content's withRights); `absentAsNull` reads a missing node as null. */
export { absentAsNull, withRights as asContent } from '@rustok/content/kit';
export type { Rights };

import type {} from '@rustok/events';
import type { AppError } from '@rustok/kernel';

/** A content context whose actor holds the caller's own (forum.*) permissions; `asContent` maps them for content. */
export type ForumContext = ContentContext;

export const TOPIC_RIGHTS: Rights = nodeRights('forum.topics', ['read', 'create', 'update', 'update_own', 'delete']);

export const REPLY_RIGHTS: Rights = {
  'content.nodes.read': 'forum.topics.read',
  'content.nodes.create': 'forum.replies.create',
};

export const MODERATE_RIGHTS: Rights = { 'content.nodes.update': 'forum.topics.moderate' };

/** Moderators edit any reply; authors edit their own with forum.replies.update_own. */
export const REPLY_EDIT_RIGHTS: Rights = {
  'content.nodes.update': 'forum.topics.moderate',
  'content.nodes.update_own': 'forum.replies.update_own',
};

export const topicNotFound = (id: string): AppError => forumErrors.FORUM_TOPIC_NOT_FOUND(`No forum topic ${id}`);

export const replyNotFound = (id: string): AppError => forumErrors.FORUM_REPLY_NOT_FOUND(`No reply ${id} in this topic`);

export const topicLocked = (id: string): AppError => forumErrors.FORUM_TOPIC_LOCKED(`The topic ${id} is locked; it takes no replies`);

/** Content's 404 for a node, told as the forum's own. */
export const renameNotFound = renamingNotFound(topicNotFound);

/** The topic's head in the caller's transaction, or 404 FORUM_TOPIC_NOT_FOUND (also for a node of another kind). */
export const loadTopicInTx = (w: ContentTx, id: string, forUpdate = false): Promise<NodeHead> =>
  loadKindInTx(w, id, 'topic', topicNotFound, forUpdate);

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['forum'];
