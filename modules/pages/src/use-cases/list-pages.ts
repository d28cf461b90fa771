import { type ContentNode, listNodes, type Paged } from '@rustok/content/kit';
import type { PagesContext } from '../context.js';
import type { ListPagesQuery } from '../schemas.js';

/** GET /pages: content's listing of kind `page` (published only without pages.pages.read), without blocks. */
export const listPages = (ctx: PagesContext, query: ListPagesQuery): Promise<Paged<ContentNode>> =>
  listNodes(ctx, { ...query, kind: 'page' });
