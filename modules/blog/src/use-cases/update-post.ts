import { type ContentNode, updateNode } from '@rustok/content/kit';
import { asContent, type BlogContext, POST_RIGHTS } from '../context.js';
import type { UpdatePostInput } from '../schemas.js';
import { assertPost } from './assert-post.js';

/** PATCH /blog/posts/{id}: content's update (blog.posts.update, or update_own for the author); a revision is kept. */
export const updatePost = async (ctx: BlogContext, id: string, input: UpdatePostInput): Promise<ContentNode> => {
  await assertPost(ctx, id);
  return updateNode(asContent(ctx, POST_RIGHTS), id, input);
};
