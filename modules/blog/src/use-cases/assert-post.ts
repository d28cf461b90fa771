import { inTenant } from '@rustok/api';
import { type BlogContext, loadPostInTx } from '../context.js';

/** 404 BLOG_POST_NOT_FOUND unless the id names a post of the tenant (kind never changes, so one read is enough). */
export const assertPost = async (ctx: BlogContext, id: string): Promise<void> => {
  await inTenant(ctx, (w) => loadPostInTx(w, id));
};
