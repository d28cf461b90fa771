import { inTenant } from '@rustok/api';
import { updateNodeInTx } from '@rustok/content/kit';
import { parseInput } from '@rustok/kernel';

import { type PagesContext, requirePermission } from '../context.js';
import { publishPageEvent, readPage } from '../page-store.js';

import { type Page, UpdatePageInput } from '../schemas.js';

/** PATCH /pages/{id}: fields of the node and of one locale's translation (content keeps a revision). */
export const updatePage = (ctx: PagesContext, id: string, raw: UpdatePageInput): Promise<Page> => {
  requirePermission(ctx, 'pages.pages.update');
  const input = parseInput(UpdatePageInput, raw);
  return inTenant(ctx, async (w) => {
    await readPage(w, id);
    await updateNodeInTx(w, id, input);
    const page = await readPage(w, id, input.locale);
    await publishPageEvent(w, 'updated', page, Object.keys(input));
    return page;
  });
};
