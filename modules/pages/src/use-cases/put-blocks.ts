import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';

import { replaceBlocks } from '../block-store.js';

import { parseBlocks } from '../blocks.js';

import { type PagesContext, requirePermission } from '../context.js';
import { publishPageEvent, readPage } from '../page-store.js';

import { type Page, PutBlocksInput } from '../schemas.js';

/** PUT /pages/{id}/blocks: replaces the ordered list of blocks (each checked against its type's schema). */
export const putBlocks = (ctx: PagesContext, id: string, raw: PutBlocksInput): Promise<Page> => {
  requirePermission(ctx, 'pages.pages.update');
  const blocks = parseBlocks(parseInput(PutBlocksInput, raw).blocks);
  return inTenant(ctx, async (w) => {
    await readPage(w, id);
    await replaceBlocks(w, id, blocks);
    const page = await readPage(w, id);
    await publishPageEvent(w, 'updated', page, ['blocks']);
    return page;
  });
};
