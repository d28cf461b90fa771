import { type ContentTx, findNodeInTx } from '@rustok/content/kit';
import { loadBlocks } from './block-store.js';
import { pageNotFound } from './context.js';
import { PAGE_EVENT } from './events.js';
import type { Page } from './schemas.js';

/** The page with its blocks, or 404 when the tenant has no page (node of kind `page`) with this id. */
export const readPage = async (w: ContentTx, id: string, locale?: string): Promise<Page> => {
  const node = await findNodeInTx(w, id, locale);
  if (node?.kind !== 'page') throw pageNotFound(id);
  return { ...node, blocks: await loadBlocks(w, id) };
};

type PageEvent = Exclude<keyof typeof PAGE_EVENT, 'deleted'>;

/** Publishes a page event in the transaction, with the page's status after the change. */
export const publishPageEvent = async (w: ContentTx, event: PageEvent, page: Page, changes: readonly string[]): Promise<void> => {
  await w.publish(PAGE_EVENT[event], { pageId: page.id, status: page.status, changes: [...changes] });
};
