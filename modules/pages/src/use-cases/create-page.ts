import { inTenant } from '@rustok/api';
import { type ContentTx, createNodeInTx, nodeKindsInTx } from '@rustok/content/kit';
import { parseInput } from '@rustok/kernel';

import { replaceBlocks } from '../block-store.js';

import { parseBlocks } from '../blocks.js';

import { invalid, type PagesContext, requirePermission } from '../context.js';
import { publishPageEvent, readPage } from '../page-store.js';

import { CreatePageInput, type Page } from '../schemas.js';

/** A parent must be a page of the same tenant (content only checks that the node exists). */
const assertParentPage = async (w: ContentTx, parentId: string | null | undefined): Promise<void> => {
  if (!parentId) return;
  if ((await nodeKindsInTx(w, [parentId])).get(parentId) !== 'page') {
    throw invalid([{ path: '/parentId', message: 'is not a page of this tenant' }]);
  }
};

/** POST /pages: a draft page (a content node of kind `page`) with its blocks, in one transaction. */
export const createPage = (ctx: PagesContext, raw: CreatePageInput): Promise<Page> => {
  requirePermission(ctx, 'pages.pages.create');
  const input = parseInput(CreatePageInput, raw);
  const blocks = parseBlocks(input.blocks ?? []);
  return inTenant(ctx, async (w) => {
    const { blocks: _blocks, ...node } = input;
    await assertParentPage(w, input.parentId);
    const id = await createNodeInTx(w, { ...node, kind: 'page' });
    await replaceBlocks(w, id, blocks);
    const page = await readPage(w, id, input.locale);
    await publishPageEvent(w, 'created', page, ['created', ...(blocks.length > 0 ? ['blocks'] : [])]);
    return page;
  });
};
