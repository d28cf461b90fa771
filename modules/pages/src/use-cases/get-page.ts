import { inTenant } from '@rustok/api';
import { type PagesContext, pageNotFound } from '../context.js';
import { readPage } from '../page-store.js';
import type { Page } from '../schemas.js';

/** GET /pages/{id}: public; callers without pages.pages.read see published pages only. */
export const getPage = (ctx: PagesContext, id: string, locale?: string): Promise<Page> =>
  inTenant(ctx, async (w) => {
    const page = await readPage(w, id, locale);
    if (page.status !== 'published' && !ctx.actor.can('pages.pages.read')) throw pageNotFound(id);
    return page;
  });
