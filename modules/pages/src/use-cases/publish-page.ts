import { inTenant } from '@rustok/api';
import { transitionInTx } from '@rustok/content/kit';
import { type PagesContext, requirePermission } from '../context.js';
import { publishPageEvent, readPage } from '../page-store.js';

import type { Page } from '../schemas.js';

/** POST /pages/{id}/publish: content's transition to published (409 from a status that cannot). */
export const publishPage = (ctx: PagesContext, id: string): Promise<Page> => {
  requirePermission(ctx, 'pages.pages.publish');
  return inTenant(ctx, async (w) => {
    await readPage(w, id);
    await transitionInTx(w, id, { to: 'published' });
    const page = await readPage(w, id);
    await publishPageEvent(w, 'published', page, ['status']);
    return page;
  });
};
