import { inTenant, requirePermission } from '@rustok/api';
import { type ContentNode, readNodeInTx, transitionInTx } from '@rustok/content/kit';
import { asContent, type BlogContext, loadPostInTx, POST_RIGHTS } from '../context.js';
import { BLOG_EVENT, type PostPublishedPayload } from '../events.js';

/** POST /blog/posts/{id}/publish: content's transition and blog.post.published, in one transaction. */
export const publishPost = (ctx: BlogContext, id: string): Promise<ContentNode> =>
  inTenant(asContent(ctx, POST_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.publish');
    await loadPostInTx(w, id, true);
    await transitionInTx(w, id, { to: 'published' });
    const post = await readNodeInTx(w, id);
    const payload: PostPublishedPayload = {
      postId: id,
      publishedAt: post.publishedAt,
      locales: post.translations.map((t) => t.locale),
    };
    await w.publish(BLOG_EVENT.postPublished, payload);
    return post;
  });
