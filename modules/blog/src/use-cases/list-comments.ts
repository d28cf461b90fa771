import { type ContentNode, listNodes, type Paged } from '@rustok/content/kit';
import { asContent, type BlogContext, COMMENT_RIGHTS } from '../context.js';
import type { ListCommentsQuery } from '../schemas.js';
import { assertPost } from './assert-post.js';

/** GET /blog/posts/{id}/comments: approved comments, or every comment for moderators (blog.comments.moderate), with their text. */
export const listComments = async (ctx: BlogContext, postId: string, query: Partial<ListCommentsQuery>): Promise<Paged<ContentNode>> => {
  await assertPost(ctx, postId);
  return listNodes(asContent(ctx, COMMENT_RIGHTS), { ...query, kind: 'comment', parent: postId }, [], true);
};
