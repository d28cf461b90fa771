import { type ContentNode, createNode } from '@rustok/content/kit';
import { asContent, type BlogContext, POST_RIGHTS } from '../context.js';
import type { CreatePostInput } from '../schemas.js';

/** POST /blog/posts: a draft content node of kind `post` (blog.posts.create). */
export const createPost = (ctx: BlogContext, input: CreatePostInput): Promise<ContentNode> =>
  createNode(asContent(ctx, POST_RIGHTS), { ...input, kind: 'post' });
