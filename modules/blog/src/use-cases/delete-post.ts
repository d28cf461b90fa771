import { deleteNode } from '@rustok/content/kit';
import { asContent, type BlogContext, POST_RIGHTS } from '../context.js';
import { assertPost } from './assert-post.js';

/** DELETE /blog/posts/{id}: the post with its comments (blog.posts.delete). */
export const deletePost = async (ctx: BlogContext, id: string): Promise<void> => {
  await assertPost(ctx, id);
  await deleteNode(asContent(ctx, POST_RIGHTS), id);
};
