import type {} from '@rustok/api';
import { type ContentContext, type ContentTx, loadKindInTx, type NodeHead, type Rights, withRights } from '@rustok/content/kit';
import { blogErrors } from './errors.js';

export type { Rights };

import type {} from '@rustok/events';
import { type AppError, isAppError } from '@rustok/kernel';

/**
 * The blog's context is a content context whose actor holds the caller's own permissions
 * (blog.*). Before calling content, `asContent` swaps in an actor that holds a content permission
 * exactly when the caller holds the blog permission mapped to it.
 */
export type BlogContext = ContentContext;

export const POST_RIGHTS: Rights = {
  'content.nodes.read': 'blog.posts.read',
  'content.nodes.create': 'blog.posts.create',
  'content.nodes.update': 'blog.posts.update',
  'content.nodes.update_own': 'blog.posts.update_own',
  'content.nodes.publish': 'blog.posts.publish',
  'content.nodes.delete': 'blog.posts.delete',
};

/** Moderators see pending comments (drafts); everyone else sees approved (published) ones. */
export const COMMENT_RIGHTS: Rights = {
  'content.nodes.read': 'blog.comments.moderate',
  'content.nodes.create': 'blog.comments.create',
  'content.nodes.update': 'blog.comments.moderate',
};

export const asContent = withRights;

export const postNotFound = (id: string): AppError => blogErrors.BLOG_POST_NOT_FOUND(`No blog post ${id}`);

/** Content's 404 for a node, told as the blog's own. */
export const renameNotFound =
  (id: string) =>
  (error: unknown): never => {
    throw isAppError(error) && error.code === 'CONTENT_NODE_NOT_FOUND' ? postNotFound(id) : error;
  };

/** The post's head in the caller's transaction, or 404 BLOG_POST_NOT_FOUND (also for a node of another kind). */
export const loadPostInTx = (w: ContentTx, id: string, forUpdate = false): Promise<NodeHead> =>
  loadKindInTx(w, id, 'post', postNotFound, forUpdate);

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['blog'];

/** Content's 404 for a node as null (any other error goes on). */
export const absentAsNull = (error: unknown): null => {
  if (isAppError(error) && error.code === 'CONTENT_NODE_NOT_FOUND') return null;
  throw error;
};
