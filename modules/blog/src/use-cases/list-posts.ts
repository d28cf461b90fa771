import { type ContentNode, listNodes, type Paged } from '@rustok/content/kit';
import { asContent, type BlogContext, POST_RIGHTS } from '../context.js';
import type { ListPostsQuery } from '../schemas.js';

/** GET /blog/posts: content's listing of kind `post` (published only without blog.posts.read). */
export const listPosts = (ctx: BlogContext, query: Partial<ListPostsQuery>): Promise<Paged<ContentNode>> =>
  listNodes(asContent(ctx, POST_RIGHTS), { ...query, kind: 'post' });
