import { type ContentNode, listNodes, type Paged } from '@rustok/content/kit';
import { parseInput } from '@rustok/kernel';
import { asContent, type BlogContext, COMMENT_RIGHTS } from '../context.js';
import { ListCommentsQuery } from '../schemas.js';

/** Pages of drafts read at most per call: rejected comments stay drafts too, and are skipped. */
const MAX_SCANS = 10;

const isPending = (c: ContentNode): boolean => c.metadata.moderation !== 'approved' && c.metadata.moderation !== 'rejected';

/**
 * GET /blog/comments (blog.comments.moderate): comments waiting for moderation across the tenant's
 * posts, newest first, with their text. Keyset pages over the comment drafts: a page may hold fewer
 * than `limit` comments (rejected drafts are passed over); `nextCursor` continues after the last one read.
 */
export const listCommentQueue = async (ctx: BlogContext, raw: Partial<ListCommentsQuery>): Promise<Paged<ContentNode>> => {
  const query = parseInput(ListCommentsQuery, { limit: 20, ...raw });
  const content = asContent(ctx, COMMENT_RIGHTS);
  const items: ContentNode[] = [];
  let cursor = query.cursor;
  for (let scan = 0; scan < MAX_SCANS; scan++) {
    const page = await listNodes(
      content,
      { kind: 'comment', status: 'draft', limit: query.limit - items.length, ...(cursor ? { cursor } : {}) },
      [],
      true,
    );
    items.push(...page.items.filter(isPending));
    cursor = page.nextCursor ?? undefined;
    if (!cursor || items.length >= query.limit) break;
  }
  return { items, nextCursor: cursor ?? null };
};
