import { type ContentNode, getNode } from '@rustok/content/kit';
import { asContent, type BlogContext, POST_RIGHTS, postNotFound, renameNotFound } from '../context.js';

/** GET /blog/posts/{id}: one post in a locale (drafts only with blog.posts.read). */
export const getPost = async (ctx: BlogContext, id: string, locale?: string): Promise<ContentNode> => {
  const node = await getNode(asContent(ctx, POST_RIGHTS), id, locale).catch(renameNotFound(id));
  if (node.kind !== 'post') throw postNotFound(id);
  return node;
};
