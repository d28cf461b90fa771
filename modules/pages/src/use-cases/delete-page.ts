import { inTenant } from '@rustok/api';
import { deleteNodeInTx } from '@rustok/content/kit';
import { dropOrphanBlocks } from '../block-store.js';

import { type PagesContext, requirePermission } from '../context.js';
import { PAGE_EVENT } from '../events.js';

import { readPage } from '../page-store.js';

/** DELETE /pages/{id}: the page, its sub-pages (content cascades) and their blocks. */
export const deletePage = (ctx: PagesContext, id: string): Promise<void> => {
  requirePermission(ctx, 'pages.pages.delete');
  return inTenant(ctx, async (w) => {
    await readPage(w, id);
    await deleteNodeInTx(w, id);
    await dropOrphanBlocks(w);
    await w.publish(PAGE_EVENT.deleted, { pageId: id });
  });
};
