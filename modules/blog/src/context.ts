import type {} from '@rustok/api';
import type { ContentContext, ContentTx, NodeHead, Rights } from '@rustok/content/kit';
import { loadKindInTx, nodeRights, renamingNotFound } from '@rustok/content/kit';
import { blogErrors } from './errors.js';

/** `asContent(ctx, rights)` is the context to call content with (content's withRights); `absentAsNull` reads a missing node as null. */
export { absentAsNull, withRights as asContent } from '@rustok/content/kit';
export type { Rights };

import type {} from '@rustok/events';
import type { AppError } from '@rustok/kernel';

/**
 * The blog's context is a content context whose actor holds the caller's own permissions
 * (blog.*). Before calling content, `asContent` swaps in an actor that holds a content permission
 * exactly when the caller holds the blog permission mapped to it.
 */
export type BlogContext = ContentContext;

export const POST_RIGHTS: Rights = nodeRights('blog.posts', ['read', 'create', 'update', 'update_own', 'publish', 'delete']);

/** Moderators see pending comments (drafts); everyone else sees approved (published) ones. */
export const COMMENT_RIGHTS: Rights = {
  'content.nodes.read': 'blog.comments.moderate',
  'content.nodes.create': 'blog.comments.create',
  'content.nodes.update': 'blog.comments.moderate',
};

export const postNotFound = (id: string): AppError => blogErrors.BLOG_POST_NOT_FOUND(`No blog post ${id}`);

/** Content's 404 for a node, told as the blog's own. */
export const renameNotFound = renamingNotFound(postNotFound);

/** The post's head in the caller's transaction, or 404 BLOG_POST_NOT_FOUND (also for a node of another kind). */
export const loadPostInTx = (w: ContentTx, id: string, forUpdate = false): Promise<NodeHead> =>
  loadKindInTx(w, id, 'post', postNotFound, forUpdate);

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['blog'];
